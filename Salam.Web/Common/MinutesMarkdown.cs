using System.Net;
using Ganss.Xss;
using Markdig;

namespace Salam.Web.Common;

/// <summary>
/// Minutes and other Markdown that people write, turned into HTML that is safe to show: Markdig renders it with raw HTML
/// disabled (typed tags come out as text), then HtmlSanitizer keeps only plain formatting (no scripts, styles, event
/// attributes or javascript: links) as a second wall, should the first ever let something through.
/// </summary>
public static class MinutesMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UsePipeTables().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Sanitize(RenderOrPlain(markdown));

    // Markdig refuses input nested past its depth limit (a line of 20,000 '>' or '['): thrown, that would take down every page
    // showing these minutes, so such minutes are shown as the plain text they are.
    private static string RenderOrPlain(string markdown)
    {
        try { return Render(markdown); }
        catch (ArgumentException) { return AsPlainText(markdown); }
    }

    private static string AsPlainText(string text) =>
        "<p>" + string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(WebUtility.HtmlEncode)) + "</p>";

    /// <summary>The first wall alone: Markdown to HTML with typed tags left as text (tests hold each wall to account on its own).</summary>
    internal static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The second wall alone: whatever HTML comes in, only plain formatting and safe links come out.</summary>
    internal static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
                "hr", "a", "table", "thead", "tbody", "tr", "th", "td"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        // A link in minutes leaves Salam: it opens without handing over the page (no opener, no referrer).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
