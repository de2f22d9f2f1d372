using System.Text.Json;
using Salam.Application.Audit.Queries.SearchAuditLog;

namespace Salam.Web.Components.Pages.Audit;

/// <summary>An audit entry's before and after values, field by field, as text to show (never as markup).</summary>
public static class AuditChanges
{
    public sealed record Change(string Field, string Before, string After);

    public static IReadOnlyList<Change> Of(AuditEntry entry)
    {
        var before = Values(entry.Before);
        var after = Values(entry.After);
        return [.. before.Keys.Union(after.Keys).Select(field => new Change(field, before.GetValueOrDefault(field, ""), after.GetValueOrDefault(field, "")))];
    }

    private static Dictionary<string, string> Values(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => "—",
            JsonValueKind.String => p.Value.GetString() ?? "",
            _ => p.Value.GetRawText(),
        });
    }
}
