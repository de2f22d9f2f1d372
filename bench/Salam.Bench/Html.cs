using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Salam.Bench;

/// <summary>A server-rendered form as a browser without script sees it: where it posts, its hidden fields, its selects.</summary>
public sealed record HtmlForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden, IReadOnlyList<SelectField> Selects);

/// <summary>A select's name and its non-empty option values (an empty value means "nothing chosen").</summary>
public sealed record SelectField(string Name, IReadOnlyList<string> Values);

public static partial class Html
{
    /// <summary>The form whose hidden <c>_handler</c> is <paramref name="handler"/> (Blazor's form name), or null.</summary>
    public static HtmlForm? FindForm(string html, string handler, string pagePath)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelectorAll<IHtmlInputElement>("input[name='_handler']").Any(i => i.Value == handler));
        if (form is null) return null;

        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .ToList();
        var selects = form.QuerySelectorAll<IHtmlSelectElement>("select")
            .Where(s => !string.IsNullOrEmpty(s.Name))
            .Select(s => new SelectField(s.Name!, s.Options.Select(o => o.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList()))
            .ToList();
        var action = form.GetAttribute("action");
        return new HtmlForm(string.IsNullOrWhiteSpace(action) ? pagePath : action, hidden, selects);
    }

    /// <summary>The development SMS outbox (/dev/sms): mobile → six-digit code of the newest message to it.</summary>
    public static Dictionary<string, string> SmsCodes(string html)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        foreach (var row in document.QuerySelectorAll("table tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").Select(c => ToLatin(c.TextContent).Trim()).ToList();
            if (cells.Count < 2) continue;
            var code = SixDigits().Match(cells[1]);
            // Newest first: the first message to a number is its current code.
            if (code.Success) codes.TryAdd(cells[0], code.Value);
        }
        return codes;
    }

    /// <summary>What a refusal says: its alerts (role="alert"), else the visible text, shortened.</summary>
    public static string Message(string html, int max = 300)
    {
        string text;
        if (html.Contains('<'))
        {
            var document = new HtmlParser().ParseDocument(html);
            var alerts = document.QuerySelectorAll("[role='alert']").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            text = alerts.Count > 0 ? string.Join(" | ", alerts) : document.Body?.TextContent ?? "";
        }
        else text = html;
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }

    public static string ToLatin(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),   // Persian digits
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),   // Arabic-Indic digits
                _ => c,
            };
        }
    });

    [GeneratedRegex("(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
