using AngleSharp.Dom;
using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Domain.Meetings;
using Salam.Testing;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Meetings;

/// <summary>
/// The minutes editor's live preview draws what the organiser types through the sanitising Markdown view: Markdown becomes
/// formatting, but a script, an event handler or a javascript: link typed into the minutes comes out harmless.
/// </summary>
public sealed class MinutesPreviewTests : StaffComponentTest
{
    private const string Hostile = "# دستور کار\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n- **پارک** محله";

    [Theory]
    [InlineData(Cultures.Persian)]
    [InlineData(Cultures.English)]
    public async Task The_preview_renders_Markdown_and_leaves_scripts_handlers_and_javascript_links_harmless(string culture)
    {
        Use(culture);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, "facilitator.pardisan");

        var editor = Render<MinutesEditor>(p => p.Add(m => m.Meeting, HeldMeeting("")));
        editor.Find(".meeting-minutes textarea").Input(Hostile);

        editor.WaitForAssertion(() => Assert.NotNull(editor.Find(".meeting-minutes-preview h1")), Patience);
        var preview = editor.Find(".meeting-minutes-preview");
        Assert.Equal("پارک", preview.QuerySelector("li strong")?.TextContent);
        AssertHarmless(preview);
    }

    [Fact]
    public async Task Minutes_saved_earlier_are_previewed_through_the_same_wall()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        await SignInAsync(app, "facilitator.pardisan");

        var editor = Render<MinutesEditor>(p => p.Add(m => m.Meeting, HeldMeeting(Hostile)));

        Assert.Equal(Hostile, editor.Find(".meeting-minutes textarea").GetAttribute("value") ?? editor.Find(".meeting-minutes textarea").TextContent);
        AssertHarmless(editor.Find(".meeting-minutes-preview"));
    }

    private static void AssertHarmless(IElement preview)
    {
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.DoesNotContain(preview.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(preview.QuerySelectorAll("[href],[src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", preview.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A held meeting as GetMeeting returns it to its organiser: the editor reads only its id, minutes and version.</summary>
    private static MeetingDetail HeldMeeting(string minutes) => new(1, MeetingKind.NeighbourhoodCoordination, "جلسهٔ هماهنگی", "سرای محله",
        DateTimeOffset.UtcNow.AddDays(-1), MeetingScope.Neighbourhood, new PlaceName("پردیسان", "Pardisan"), 1, 1, 1, MeetingStatus.Held, "تسهیلگر",
        [], [], 12, minutes, false, null, [], MayEdit: true, HasStarted: true, Guid.NewGuid());
}
