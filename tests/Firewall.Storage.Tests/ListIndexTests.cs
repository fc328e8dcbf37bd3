using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

public sealed class ListIndexTests
{
    [Fact]
    public void List_columns_up_to_the_budget_fit_and_one_byte_more_does_not()
    {
        var half = ListIndex.TextBudgetBytes / 2;

        Assert.True(ListIndex.Fits([new string('a', half), null, new string('b', ListIndex.TextBudgetBytes - half)]));
        Assert.False(ListIndex.Fits([new string('a', half), null, new string('b', ListIndex.TextBudgetBytes - half + 1)]));
    }

    [Fact]
    public void The_budget_counts_utf8_bytes_not_characters()
    {
        var characters = (ListIndex.TextBudgetBytes / 2) + 1; // 'é' is two bytes in UTF-8

        Assert.True(ListIndex.Fits([new string('e', characters)]));
        Assert.False(ListIndex.Fits([new string('é', characters)]));
    }

    [Fact]
    public void A_written_row_is_marked_by_whether_its_list_columns_fit()
    {
        var usual = TestEvents.New();
        var wide = TestEvents.Wide(usual);

        Assert.True(EventMapping.ToRecord(usual.Event, usual.Fingerprint.Value).InListIndex);
        Assert.False(EventMapping.ToRecord(wide.Event, wide.Fingerprint.Value).InListIndex);
    }

    [Fact]
    public void Every_text_column_it_counts_is_a_column_of_events()
    {
        var options = new DbContextOptionsBuilder<FirewallDbContext>();
        options.UseFirewallStore(StoreProvider.Postgres, "Host=localhost;Database=firewall");
        using var db = new FirewallDbContext(options.Options);
        var columns = db.Model.FindEntityType(typeof(EventRecord))!.GetProperties().Select(p => p.GetColumnName()).ToHashSet();

        Assert.All(ListIndex.TextColumns, column => Assert.Contains(column, columns));
    }
}
