namespace Firewall.Cli.Training;

/// <summary>
/// Logistic regression fitted by FTRL-Proximal (McMahan et al., "Ad Click Prediction: a View from the Trenches", 2013):
/// per-coordinate adaptive steps with L1/L2 applied in closed form, made for sparse hashed features. Written here rather
/// than taken from ML.NET because its optimisers sum with CPU-width vector code, and the model's bytes must not depend
/// on the machine: this loop is sequential, in a seeded order, in doubles, so the same data gives the same weights.
/// </summary>
internal static class FtrlLogisticRegression
{
    /// <param name="weights">Each row's weight in the loss (class balance, source weighting).</param>
    /// <returns>The bias and one weight per bucket.</returns>
    public static (double Bias, double[] Weights) Fit(
        IReadOnlyList<SparseFeatures> rows, IReadOnlyList<bool> labels, IReadOnlyList<double> weights, int bucketCount, FtrlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(settings);
        var z = new double[bucketCount];
        var n = new double[bucketCount];
        double biasZ = 0, biasN = 0;
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix64(settings.Seed);
        var current = new double[64];
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var row in order)
            {
                var features = rows[row];
                if (current.Length < features.Buckets.Length)
                {
                    current = new double[features.Buckets.Length * 2];
                }

                var bias = Weight(biasZ, biasN, 0, 0, settings);
                var margin = bias;
                for (var k = 0; k < features.Buckets.Length; k++)
                {
                    var b = features.Buckets[k];
                    current[k] = Weight(z[b], n[b], settings.L1, settings.L2, settings);
                    margin += current[k] * features.Values[k];
                }

                // Gradient of the weighted log loss in the margin; clamped so one extreme row cannot overflow exp.
                var error = (Sigmoid(Math.Clamp(margin, -35, 35)) - (labels[row] ? 1 : 0)) * weights[row];
                Update(ref biasZ, ref biasN, bias, error, settings);
                for (var k = 0; k < features.Buckets.Length; k++)
                {
                    var b = features.Buckets[k];
                    Update(ref z[b], ref n[b], current[k], error * features.Values[k], settings);
                }
            }
        }

        var result = new double[bucketCount];
        for (var b = 0; b < bucketCount; b++)
        {
            result[b] = Weight(z[b], n[b], settings.L1, settings.L2, settings);
        }

        return (Weight(biasZ, biasN, 0, 0, settings), result);
    }

    public static double Sigmoid(double margin) => 1 / (1 + Math.Exp(-margin));

    private static double Weight(double z, double n, double l1, double l2, FtrlSettings s) =>
        Math.Abs(z) <= l1 ? 0 : -(z - (Math.Sign(z) * l1)) / (((s.Beta + Math.Sqrt(n)) / s.Alpha) + l2);

    private static void Update(ref double z, ref double n, double weight, double gradient, FtrlSettings s)
    {
        var sigma = (Math.Sqrt(n + (gradient * gradient)) - Math.Sqrt(n)) / s.Alpha;
        z += gradient - (sigma * weight);
        n += gradient * gradient;
    }
}
