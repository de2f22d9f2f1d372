using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Salam.Web.Tests.Minutes;

/// <summary>What rendered minutes must never hold, checked on the parsed HTML (not on its text, which may mention tags harmlessly).</summary>
internal static class HtmlAssert
{
    private static readonly string[] ActiveTags = ["script", "img", "svg", "iframe", "object", "embed", "style", "form", "input", "math", "base", "link", "meta", "details", "video", "audio"];

    private static readonly string[] ScriptSchemes = ["javascript:", "data:", "vbscript:"];

    public static IElement Parse(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;

    public static void HoldsNothingActive(string html)
    {
        var body = Parse(html);
        foreach (var tag in ActiveTags) Assert.True(body.QuerySelector(tag) is null, $"<{tag}> in: {html}");
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}> in: {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                // Browsers drop tabs, newlines and leading spaces in a URL's scheme: "java\tscript:" is javascript:.
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                foreach (var scheme in ScriptSchemes)
                    Assert.False(value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase), $"{attribute.Name}=\"{attribute.Value}\" in: {html}");
            }
        }
    }
}
