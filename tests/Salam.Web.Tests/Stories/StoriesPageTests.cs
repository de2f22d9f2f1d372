using Bunit;
using Salam.Testing;
using Salam.Web.Components.Pages.Stories;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// The stories list as each role opens it: the facilitator their centre's stories (drafts included), the provincial officer the
/// ones waiting for approval, ministry staff the published ones; a title is always text.
/// </summary>
public sealed class StoriesPageTests : StaffComponentTest
{
    [Theory]
    [InlineData(Cultures.Persian)]
    [InlineData(Cultures.English)]
    public async Task The_facilitator_sees_their_drafts_as_lines_linking_to_each_story_with_a_hostile_title_as_text(string culture)
    {
        Use(culture);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var draft = await scene.WriteAsync(title: StoryEditorTests.HostileTitle);
        await SignInAsync(app, StoryScene.Facilitator);

        var page = Render<StoriesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll($".story-line[data-story-id='{draft.StoryId}']")), Patience);
        var line = page.Find($".story-line[data-story-id='{draft.StoryId}']");
        Assert.Equal($"/stories/{draft.StoryId}", line.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(StoryEditorTests.HostileTitle, line.QuerySelector(".story-line-title")?.TextContent.Trim());
        StoryEditorTests.AssertHarmless(line);
        Assert.Single(page.FindAll("a[href='/stories/new']"));
    }

    [Fact]
    public async Task The_officer_opens_on_the_stories_waiting_for_approval_and_cannot_write_one()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var draft = await scene.WriteAsync(title: "پیش‌نویس");
        var submitted = await scene.SubmittedAsync(title: "فرستاده");
        await SignInAsync(app, StoryScene.Officer);

        var page = Render<StoriesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll($".story-line[data-story-id='{submitted.StoryId}']")), Patience);
        Assert.Empty(page.FindAll($".story-line[data-story-id='{draft.StoryId}']"));
        Assert.Empty(page.FindAll("a[href='/stories/new']"));
    }

    [Fact]
    public async Task Ministry_staff_open_on_the_published_stories_with_the_featured_ones_marked()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var submitted = await scene.SubmittedAsync(title: "Waiting");
        var featured = await scene.FeaturedAsync(title: "Featured park");
        await SignInAsync(app, StoryScene.Ministry);

        var page = Render<StoriesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll($".story-line[data-story-id='{featured.StoryId}'] .story-line-featured")), Patience);
        Assert.Empty(page.FindAll($".story-line[data-story-id='{submitted.StoryId}']"));
    }
}
