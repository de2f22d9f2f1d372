using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.Stories;
using Salam.Testing;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;
using static Salam.Application.Tests.Stories.StoryScene;

namespace Salam.Application.Tests.Stories;

public sealed class StoryReviewTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_story_goes_from_draft_to_returned_with_a_reason_to_approved_to_featured_nationally()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var officer = await Officer(App);
        var duty = await DoneDutyAsync(App, p.Pardisan);
        var submitted = await SubmittedAsync(App, p.Pardisan, duty);

        var returned = await App.SendAsync<StoryWritten>(officer, new ReturnStory(submitted.StoryId, " لطفاً عکسی از کوچه بگذارید ", submitted.Version));
        var story = await ReadStoryAsync(App, submitted.StoryId);
        Assert.Equal((StoryStatus.Returned, "لطفاً عکسی از کوچه بگذارید"), (story.Status, story.ReturnReason));

        var withPhoto = await WithPhotoAsync(App, returned);
        var resubmitted = await App.SendAsync<StoryWritten>(facilitator, new SubmitStory(submitted.StoryId, withPhoto.Version));
        var approved = await App.SendAsync<StoryWritten>(officer, new ApproveStory(submitted.StoryId, resubmitted.Version));
        story = await ReadStoryAsync(App, submitted.StoryId);
        Assert.Equal((StoryStatus.Approved, (string?)null), (story.Status, story.ReturnReason));
        Assert.Equal(App.Clock.GetUtcNow(), story.ApprovedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.NotNull(story.ApprovedByUserId);

        await App.SendAsync<StoryWritten>(await Ministry(App), new FeatureStory(submitted.StoryId, true, approved.Version));
        Assert.True((await ReadStoryAsync(App, submitted.StoryId)).Featured);
    }

    [Fact]
    public async Task An_officer_of_another_province_cannot_approve_or_return_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var submitted = await SubmittedAsync(App, p.Pardisan);
        var mazandaran = await App.PrincipalOfAsync("officer.mazandaran");
        var before = await StoryFingerprintAsync(App);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(mazandaran, new ApproveStory(submitted.StoryId, submitted.Version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(mazandaran, new ReturnStory(submitted.StoryId, "دلیل", submitted.Version)));
        // Nobody but the province's officer reviews: not the writer, not ministry staff, not an agency manager or a resident.
        foreach (var who in new[] { "facilitator.pardisan", "ministry", "admin", "agency.qom.welfare" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<StoryWritten>(await App.PrincipalOfAsync(who), new ApproveStory(submitted.StoryId, submitted.Version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(Anonymous, new ApproveStory(submitted.StoryId, submitted.Version)));
        // An id that does not exist is not found, not forbidden.
        await Assert.ThrowsAsync<NotFoundException>(async () => await App.SendAsync<StoryWritten>(await Officer(App), new ApproveStory(int.MaxValue, submitted.Version)));

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task A_story_about_a_disputed_duty_is_not_approved_nor_featured_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var officer = await Officer(App);
        var duty = await DoneDutyAsync(App, p.Pardisan);
        var submitted = await SubmittedAsync(App, p.Pardisan, duty);
        var approvedEarlier = await ApprovedAsync(App, p.Pardisan, duty, "روایت پیش از اعتراض");
        await DisputeAsync(App, duty);
        var before = await StoryFingerprintAsync(App);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(officer, new ApproveStory(submitted.StoryId, submitted.Version)));
        Assert.Equal(Text.Get("Story.DutyDisputed"), refused.Message);
        var feature = await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<StoryWritten>(await Ministry(App), new FeatureStory(approvedEarlier.StoryId, true, approvedEarlier.Version)));
        Assert.Equal(Text.Get("Story.DutyDisputed"), feature.Message);
        Assert.Equal(before, await StoryFingerprintAsync(App));

        // The agency settles it (Done again): the story can be approved.
        await SettleAsync(App, duty);
        await App.SendAsync<StoryWritten>(officer, new ApproveStory(submitted.StoryId, submitted.Version));
        Assert.Equal(StoryStatus.Approved, (await ReadStoryAsync(App, submitted.StoryId)).Status);
    }

    [Fact]
    public async Task Reviewing_a_draft_an_older_version_or_without_a_reason_and_featuring_an_unpublished_story_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var officer = await Officer(App);
        var ministry = await Ministry(App);
        var draft = await DraftAsync(App, p.Pardisan);
        var submitted = await SubmittedAsync(App, p.Pardisan);
        var before = await StoryFingerprintAsync(App);

        var notSent = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(officer, new ApproveStory(draft.StoryId, draft.Version)));
        Assert.Equal(Text.Get("Story.NotSubmitted"), notSent.Message);
        var stale = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(officer, new ApproveStory(submitted.StoryId, draft.Version)));
        Assert.Equal(Text.Get("Story.ChangedMeanwhile"), stale.Message);
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<StoryWritten>(officer, new ReturnStory(submitted.StoryId, "  ", submitted.Version)));
        Assert.Contains(Text.Get("Story.ReasonRequired"), noReason.Message);
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<StoryWritten>(officer,
            new ReturnStory(submitted.StoryId, new string('د', SuccessStory.MaxReasonLength + 1), submitted.Version)));
        var unpublished = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(ministry, new FeatureStory(submitted.StoryId, true, submitted.Version)));
        Assert.Equal(Text.Get("Story.NotApproved"), unpublished.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(officer, new FeatureStory(submitted.StoryId, true, submitted.Version)));

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }
}
