using AngleSharp.Dom;
using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Stories.Queries.GetStoryChoices;
using Salam.Testing;
using Salam.Web.Components.Pages.Stories;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// The story editor's live preview draws what the facilitator types through the sanitising Markdown view: Markdown becomes
/// formatting, but a script, an event handler or a javascript: link typed into the story comes out harmless, and a title is text.
/// </summary>
public sealed class StoryEditorTests : StaffComponentTest
{
    internal const string Hostile = "# گزارش\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n- **پارک** محله";
    internal const string HostileTitle = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    [Theory]
    [InlineData(Cultures.Persian)]
    [InlineData(Cultures.English)]
    public async Task The_preview_renders_Markdown_and_leaves_scripts_handlers_and_javascript_links_harmless(string culture)
    {
        Use(culture);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, StoryScene.Facilitator);

        var editor = Render<StoryEditor>(p => p.Add(e => e.Choices, Choices));
        editor.Find("[data-testid=story-text] textarea, textarea[data-testid=story-text]").Input(Hostile);
        editor.Find("input[data-testid=story-title], [data-testid=story-title] input").Input(HostileTitle);

        editor.WaitForAssertion(() => Assert.NotNull(editor.Find(".story-preview h1")), Patience);
        var preview = editor.Find(".story-preview-box");
        Assert.Equal("پارک", preview.QuerySelector("li strong")?.TextContent);
        Assert.Equal(HostileTitle, editor.Find(".story-preview-title").TextContent.Trim());
        AssertHarmless(preview);
    }

    [Fact]
    public async Task With_one_neighbourhood_to_choose_from_it_is_chosen_and_each_field_carries_its_journey_hook()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, StoryScene.Facilitator);

        var editor = Render<StoryEditor>(p => p.Add(e => e.Choices, Choices));

        foreach (var hook in new[] { "story-neighbourhood", "story-subject", "story-title", "story-text", "story-save" })
        {
            Assert.NotEmpty(editor.FindAll($"[data-testid={hook}]"));
        }
        Assert.Contains("پردیسان", editor.Find("[data-testid=story-neighbourhood]").OuterHtml);
    }

    internal static void AssertHarmless(IElement shown)
    {
        Assert.Empty(shown.QuerySelectorAll("script"));
        Assert.DoesNotContain(shown.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(shown.QuerySelectorAll("[href],[src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", shown.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", shown.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What GetStoryChoices gives Pardisan's facilitator, as far as the editor reads it.</summary>
    private static readonly IReadOnlyList<StoryNeighbourhood> Choices = [new(1, new PlaceName("پردیسان", "Pardisan"), [new(7, "بازسازی پارک")], [])];
}
