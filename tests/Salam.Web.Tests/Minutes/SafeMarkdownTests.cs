using Bunit;
using Salam.Web.Components.Shared;

namespace Salam.Web.Tests.Minutes;

/// <summary>The one component that shows minutes: hostile Markdown in, nothing active out, ordinary Persian Markdown rendered.</summary>
public sealed class SafeMarkdownTests : ComponentTest
{
    [Theory, MemberData(nameof(MinutesMarkdownTests.Hostile), MemberType = typeof(MinutesMarkdownTests))]
    public void The_component_shows_hostile_minutes_with_nothing_active(string markdown)
    {
        var cut = Render<SafeMarkdown>(p => p.Add(m => m.Markdown, markdown).Add(m => m.Class, "meeting-minutes-text"));

        HtmlAssert.HoldsNothingActive(cut.Markup);
        Assert.NotNull(cut.Find("div.salam-markdown.meeting-minutes-text"));
    }

    [Fact]
    public void The_component_renders_persian_markdown_in_a_direction_of_its_own()
    {
        var cut = Render<SafeMarkdown>(p => p.Add(m => m.Markdown, "### دستور جلسه\n\n- **آب** محله\n\n| الف | ب |\n|---|---|\n| ۱ | ۲ |"));

        var wrapper = cut.Find("div.salam-markdown");
        Assert.Equal("auto", wrapper.GetAttribute("dir"));
        Assert.Equal("دستور جلسه", cut.Find("h3").TextContent);
        Assert.Equal("آب", cut.Find("li strong").TextContent);
        Assert.Equal(2, cut.FindAll("td").Count);
    }
}
