using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Stories;
using Salam.Testing;
using Salam.Web.Components.Pages.Stories;
using Salam.Web.Localization;
using static Salam.Web.Tests.Meetings.Waits;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// One story's page over the real application: the facilitator writes, adds a photo and submits; Qom's officer approves or
/// returns with a reason; ministry staff feature. Each refusal shows why and writes nothing.
/// </summary>
public sealed class StoryPageTests : StaffComponentTest
{
    [Fact]
    public async Task The_facilitator_writes_a_new_story_and_is_taken_to_its_page()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        await SignInAsync(app, StoryScene.Facilitator);

        var (pardisan, _) = await scene.PardisanAsync();

        var page = Render<StoryPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-title] input, input[data-testid=story-title]")), Patience);
        await ChooseNeighbourhoodAsync(page, pardisan);
        page.Find("[data-testid=story-title] input, input[data-testid=story-title]").Input("کتابخانهٔ محله باز شد");
        page.Find("[data-testid=story-text] textarea, textarea[data-testid=story-text]").Input("با کمک **داوطلبان**.");
        await page.ClickAsync("[data-testid=story-save]");

        await EventuallyAsync(scene.CountAsync, count => count == 1, "the story saved");
        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/stories/\d+$", navigation.Uri), Patience);
    }

    [Fact]
    public async Task A_story_without_a_title_is_refused_with_the_reason_and_nothing_is_written()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        await SignInAsync(app, StoryScene.Facilitator);

        var (pardisan, _) = await scene.PardisanAsync();

        var page = Render<StoryPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-save]")), Patience);
        await ChooseNeighbourhoodAsync(page, pardisan);
        page.Find("[data-testid=story-text] textarea, textarea[data-testid=story-text]").Input("text without a title");
        await page.ClickAsync("[data-testid=story-save]");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".story-editor .salam-error")), Patience);
        Assert.Equal(0, await scene.CountAsync());
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_facilitator_adds_a_described_photo_then_submits_the_story()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.WriteAsync();
        await SignInAsync(app, StoryScene.Facilitator);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]")), Patience);
        page.Find("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]").Input("نیمکت‌های تازه");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(StoryScene.Png, "park.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".story-photo img[alt='نیمکت‌های تازه']")), Patience);
        Assert.Equal(1, (await scene.StoredAsync(story.StoryId)).Photos);
        var photoId = await scene.PhotoIdAsync(story.StoryId);
        Assert.Equal($"/stories/photos/{photoId}.jpg", page.Find(".story-photo img").GetAttribute("src"));

        await page.ClickAsync("[data-testid=story-submit]");
        await EventuallyAsync(() => scene.StoredAsync(story.StoryId), s => s.Status == StoryStatus.Submitted, "the story submitted");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=story-save]")), Patience);
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused_before_it_is_sent_and_nothing_is_stored()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.WriteAsync();
        await SignInAsync(app, StoryScene.Facilitator);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]")), Patience);
        page.Find("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]").Input("too big");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[StoryPhoto.MaxUploadBytes + 1], "big.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Contains("MB", page.Find(".story-photos .salam-error").TextContent), Patience);
        Assert.Equal(0, (await scene.StoredAsync(story.StoryId)).Photos);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_by_the_application_and_nothing_is_stored()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.WriteAsync();
        await SignInAsync(app, StoryScene.Facilitator);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]")), Patience);
        page.Find("[data-testid=story-photo-alt] input, input[data-testid=story-photo-alt]").Input("not a photo");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<script>alert(1)</script>", "photo.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find(".story-photos .salam-error").TextContent.Trim()), Patience);
        Assert.Equal(0, (await scene.StoredAsync(story.StoryId)).Photos);
        Assert.Empty(page.FindAll(".story-photo"));
    }

    [Fact]
    public async Task The_officer_approves_a_submitted_story_whose_text_is_shown_harmless()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.SubmittedAsync(text: StoryEditorTests.Hostile);
        await SignInAsync(app, StoryScene.Officer);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-approve]")), Patience);
        StoryEditorTests.AssertHarmless(page.Find(".story-view"));
        Assert.Equal("پارک", page.Find(".story-view li strong").TextContent);
        Assert.Empty(page.FindAll("[data-testid=story-save]"));
        await page.ClickAsync("[data-testid=story-approve]");

        await EventuallyAsync(() => scene.StoredAsync(story.StoryId), s => s.Status == StoryStatus.Approved, "the story approved");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=story-approve]")), Patience);
    }

    [Fact]
    public async Task Returning_needs_a_reason_the_refusal_writes_nothing_and_with_one_the_facilitator_reads_it()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.SubmittedAsync();
        var before = await scene.StoredAsync(story.StoryId);
        await SignInAsync(app, StoryScene.Officer);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-return]")), Patience);
        await page.ClickAsync("[data-testid=story-return]");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".story-review .salam-error")), Patience);
        Assert.Equal(before, await scene.StoredAsync(story.StoryId));

        page.Find("[data-testid=story-return-reason] textarea, textarea[data-testid=story-return-reason]").Input("Name the street, please.");
        await page.ClickAsync("[data-testid=story-return]");
        var returned = await EventuallyAsync(() => scene.StoredAsync(story.StoryId), s => s.Status == StoryStatus.Returned, "the story returned");
        Assert.Equal("Name the street, please.", returned.ReturnReason);
    }

    [Fact]
    public async Task Another_provinces_officer_is_shown_a_refusal_and_no_review_buttons()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.SubmittedAsync();
        await SignInAsync(app, StoryScene.OtherOfficer);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-alert")), Patience);
        Assert.Empty(page.FindAll("[data-testid=story-approve], [data-testid=story-return], .story-view"));
        Assert.Equal(StoryStatus.Submitted, (await scene.StoredAsync(story.StoryId)).Status);
    }

    [Fact]
    public async Task Ministry_staff_feature_an_approved_story_and_can_stop_featuring_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scene = StoryScene.Of(app);
        var story = await scene.ApprovedAsync();
        await SignInAsync(app, StoryScene.Ministry);

        var page = Render<StoryPage>(p => p.Add(s => s.Id, story.StoryId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=story-feature]")), Patience);
        await page.ClickAsync("[data-testid=story-feature]");
        await EventuallyAsync(() => scene.StoredAsync(story.StoryId), s => s.Featured, "the story featured");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".story-featured")), Patience);
        await page.ClickAsync("[data-testid=story-feature]");
        await EventuallyAsync(() => scene.StoredAsync(story.StoryId), s => !s.Featured, "the story no longer featured");
    }

    // The facilitator's centre serves two neighbourhoods: none is chosen for them.
    private static Task ChooseNeighbourhoodAsync(IRenderedComponent<StoryPage> page, int neighbourhoodId) => page.InvokeAsync(() =>
        page.FindComponents<MudBlazor.MudSelect<int>>().Single(s => s.Instance.Class!.Contains("story-neighbourhood")).Instance.ValueChanged.InvokeAsync(neighbourhoodId));
}
