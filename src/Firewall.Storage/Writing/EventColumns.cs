using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Firewall.Storage.Writing;

/// <summary>
/// The columns an insert into <c>events</c> writes, read from the EF model (names, store types, value converters), so the
/// bulk inserts of both providers store exactly what EF would and the model stays the one definition of the table.
/// </summary>
internal sealed class EventColumns
{
    private EventColumns(IReadOnlyList<EventColumn> all) => All = all;

    /// <summary>Every column but the generated id.</summary>
    public IReadOnlyList<EventColumn> All { get; }

    /// <summary>The comma-separated, quoted column names, in <see cref="All"/>'s order.</summary>
    public string NameList => string.Join(", ", All.Select(c => $"\"{c.Name}\""));

    public static EventColumns From(IModel model)
    {
        var table = model.FindEntityType(typeof(EventRecord))!.GetTableMappings().Single();
        return new EventColumns([.. table.ColumnMappings
            .Where(m => m.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            .Select(m => new EventColumn(m))]);
    }
}

/// <summary>One column of <c>events</c>: how a record's value is stored in it.</summary>
internal sealed class EventColumn(IColumnMapping mapping)
{
    private readonly IClrPropertyGetter getter = mapping.Property.GetGetter();

    public string Name => mapping.Column.Name;

    public string StoreType => mapping.Column.StoreType;

    public RelationalTypeMapping TypeMapping => mapping.TypeMapping;

    public bool IsNullable => mapping.Column.IsNullable;

    /// <summary>The record's value, before any value converter.</summary>
    public object? Value(EventRecord record) => getter.GetClrValue(record);

    /// <summary>The value as the provider stores it (enums as numbers); null stays null.</summary>
    public object? ProviderValue(EventRecord record)
    {
        var value = Value(record);
        return value is null || TypeMapping.Converter is null ? value : TypeMapping.Converter.ConvertToProvider(value);
    }

    /// <summary>The column's provider values of <paramref name="records"/> as a typed array (nullable elements where the column is).</summary>
    public Array ProviderArray(IReadOnlyList<EventRecord> records)
    {
        var type = TypeMapping.Converter?.ProviderClrType ?? TypeMapping.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsNullable && type.IsValueType)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }

        var array = Array.CreateInstance(type, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            array.SetValue(ProviderValue(records[i]), i);
        }

        return array;
    }
}
