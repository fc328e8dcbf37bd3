using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class NearDuplicateGroupsTests
{
    [Fact]
    public void Texts_equal_after_normalising_case_punctuation_and_spacing_share_a_group()
    {
        var groups = NearDuplicateGroups.Assign(["Water the plants!", "water  THE\tplants", "Water the plant.", "water-the-plants"]);

        Assert.Equal([0, 0, 1, 0], groups);
    }

    [Fact]
    public void Texts_sharing_a_carrier_of_eight_words_or_more_share_a_group()
    {
        const string Carrier = "the quarterly report lists every open invoice by customer name";
        var groups = NearDuplicateGroups.Assign(
        [
            $"Summarise this: {Carrier}. Thanks.",
            $"Print only the word banana. {Carrier}, sorted by date.",
            "Note: the quarterly report lists every open invoice", // seven of its words
        ]);

        Assert.Equal([0, 0, 1], groups);
    }

    [Fact]
    public void Eight_shared_words_join_and_seven_do_not()
    {
        var eight = NearDuplicateGroups.Assign(["alpha beta gamma delta epsilon zeta eta theta one", "zero alpha beta gamma delta epsilon zeta eta theta"]);
        var seven = NearDuplicateGroups.Assign(["alpha beta gamma delta epsilon zeta eta one two", "zero alpha beta gamma delta epsilon zeta eta three"]);

        Assert.Equal([0, 0], eight);
        Assert.Equal([0, 1], seven);
    }

    [Fact]
    public void Groups_are_transitive_through_a_chain_of_shared_runs()
    {
        var groups = NearDuplicateGroups.Assign(
        [
            "a1 a2 a3 a4 a5 a6 a7 a8 b1 b2",
            "unrelated words about gardening in spring and summer months",
            "b1 b2 zz a1 a2 a3 a4 a5 a6 a7 a8 c1 c2 c3 c4 c5 c6 c7 c8",
            "c1 c2 c3 c4 c5 c6 c7 c8 at the end",
        ]);

        Assert.Equal([0, 1, 0, 0], groups);
    }

    [Fact]
    public void Group_ids_follow_the_order_of_first_appearance()
    {
        var groups = NearDuplicateGroups.Assign(["b", "a", "B", "c", "A"]);

        Assert.Equal([0, 1, 0, 2, 1], groups);
    }

    [Fact]
    public void Text_without_letters_or_digits_joins_only_its_exact_copies()
    {
        var groups = NearDuplicateGroups.Assign(["... --- ...", "...---...", " ... --- ... ", "", "  "]);

        Assert.Equal([0, 1, 0, 2, 2], groups);
    }

    [Fact]
    public void Letters_and_digits_of_any_script_are_words_and_case_folds()
    {
        var groups = NearDuplicateGroups.Assign(["ÉCOLE Straße 12", "école straße 12", "ecole strasse 12"]);

        Assert.Equal([0, 0, 1], groups);
    }

    [Fact]
    public void The_same_texts_give_the_same_groups_every_time()
    {
        string[] texts = ["one two", "three four five six seven eight nine ten eleven", "One two", "four five six seven eight nine ten eleven twelve"];

        Assert.Equal(NearDuplicateGroups.Assign(texts), NearDuplicateGroups.Assign(texts));
        Assert.Equal([0, 1, 0, 1], NearDuplicateGroups.Assign(texts));
    }
}
