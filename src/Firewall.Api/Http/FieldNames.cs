using FluentValidation.Results;

namespace Firewall.Api.Http;

/// <summary>FluentValidation names properties in PascalCase; clients know the camelCase JSON path.</summary>
internal static class FieldNames
{
    public static Dictionary<string, string[]> ToErrors(this IEnumerable<ValidationFailure> failures) =>
        failures.GroupBy(f => JsonPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
