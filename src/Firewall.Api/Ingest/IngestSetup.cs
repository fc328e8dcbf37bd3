using Firewall.Core.Classification;
using Firewall.Core.Events;
using Firewall.Core.Validation;
using FluentValidation;

namespace Firewall.Api.Ingest;

/// <summary>The ingest pipeline's parts: validator, classifier (its rule set validated at start-up) and the service.</summary>
public static class IngestSetup
{
    public static IHostApplicationBuilder AddFirewallIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidator<EventInput>, EventInputValidator>();
        builder.Services.AddSingleton(_ => EventClassifier.CreateDefault());
        builder.Services.AddSingleton<IngestService>();
        return builder;
    }
}
