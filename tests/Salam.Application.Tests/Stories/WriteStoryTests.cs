using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.Audit;
using Salam.Domain.Stories;
using Microsoft.EntityFrameworkCore;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;
using static Salam.Application.Tests.Stories.StoryScene;

namespace Salam.Application.Tests.Stories;

public sealed class WriteStoryTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_facilitator_writes_a_story_about_a_done_duty_and_a_decision_of_their_neighbourhood_then_rewrites_it()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var duty = await DoneDutyAsync(App, p.Pardisan);
        var decision = await DecisionAsync(App, p);

        var written = await App.SendAsync<StoryWritten>(facilitator, NewStory(p.Pardisan, duty, " کوچه‌های روشن ", decisionId: decision));
        var story = await ReadStoryAsync(App, written.StoryId);
        Assert.Equal((StoryStatus.Draft, "کوچه‌های روشن", (int?)duty, (int?)decision, p.Pardisan, p.Qom, written.Version),
            (story.Status, story.Title, story.DutyId, story.MeetingDecisionId, story.NeighbourhoodId, story.ProvinceId, story.Version));

        var rewritten = await App.SendAsync<StoryWritten>(facilitator,
            new WriteStory(written.StoryId, p.Pardisan, StorySubject.VolunteerWork, "داوطلبان محله", "متن تازه", null, null, written.Version));
        story = await ReadStoryAsync(App, written.StoryId);
        Assert.Equal(("داوطلبان محله", StorySubject.VolunteerWork, (int?)null, rewritten.Version), (story.Title, story.Subject, story.DutyId, story.Version));
        Assert.NotEqual(written.Version, rewritten.Version);

        // Audited as its province's, like a meeting decision.
        var events = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "SuccessStory" && e.SubjectId == written.StoryId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Changed], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(p.Qom, e.ProvinceId));
    }

    public static TheoryData<string, string, string, StorySubject> BadInputs => new()
    {
        { "Story.TitleRequired", "  ", "متن", StorySubject.DeliveredDuty },
        { "Story.TitleTooLong", new string('ع', SuccessStory.MaxTitleLength + 1), "متن", StorySubject.DeliveredDuty },
        { "Story.TextRequired", "عنوان", "", StorySubject.DeliveredDuty },
        { "Story.TextTooLong", "عنوان", new string('م', SuccessStory.MaxTextLength + 1), StorySubject.DeliveredDuty },
        { "Story.SubjectInvalid", "عنوان", "متن", (StorySubject)42 },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_story_without_a_title_or_text_too_long_or_of_no_subject_is_refused_and_nothing_is_written(string key, string title, string text, StorySubject subject)
    {
        var p = await PlacesAsync(App);
        var before = await StoryFingerprintAsync(App);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<StoryWritten>(await Facilitator(App), NewStory(p.Pardisan, title: title, text: text, subject: subject)));
        Assert.Contains(Text.Get(key, key.EndsWith("TooLong") ? (key.Contains("Title") ? SuccessStory.MaxTitleLength : SuccessStory.MaxTextLength) : 0), refused.Message);

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task A_duty_of_another_neighbourhood_or_not_done_and_a_decision_unpublished_or_elsewhere_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        // Shahrak-e Qods is the same centre's: in reach, but not the neighbourhood the story is about.
        var qodsDuty = await DoneDutyAsync(App, p.Qods);
        var unfinished = await DoneDutyAsync(App, p.Pardisan, done: false);
        var draftDecision = await DecisionAsync(App, p, publish: false);
        var pardisanDecision = await DecisionAsync(App, p);
        var before = await StoryFingerprintAsync(App);

        async Task<RequestRefusedException> Refused(WriteStory command) =>
            await Assert.ThrowsAnyAsync<RequestRefusedException>(async () => await App.SendAsync<StoryWritten>(facilitator, command));
        Assert.Equal(Text.Get("Story.DutyOutsideNeighbourhood"), (await Refused(NewStory(p.Pardisan, qodsDuty))).Message);
        Assert.Equal(Text.Get("Story.DutyNotDone"), (await Refused(NewStory(p.Pardisan, unfinished))).Message);
        Assert.IsType<NotFoundException>(await Refused(NewStory(p.Pardisan, decisionId: draftDecision)));
        Assert.Equal(Text.Get("Story.DecisionOutsideNeighbourhood"), (await Refused(NewStory(p.Qods, decisionId: pardisanDecision))).Message);

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task Writing_about_a_neighbourhood_or_duty_of_another_centre_or_province_is_forbidden_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var safashahrDuty = await DoneDutyAsync(App, p.Safashahr);
        // Signing the resident in the first time makes their account (and logs it): done before the fingerprint.
        var resident = await App.ResidentPrincipalAsync(Infrastructure.Persistence.Seeding.DemoDataSeeder.FirstResidentMobile);
        var before = await StoryFingerprintAsync(App);

        // Another centre of the same province, another province, and a tampered duty id on the facilitator's own neighbourhood.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(facilitator, NewStory(p.Safashahr)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(facilitator, NewStory(p.MazandaranNeighbourhood)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(facilitator, NewStory(p.Pardisan, safashahrDuty)));
        // Only facilitators write stories.
        foreach (var who in new[] { "officer.qom", "ministry", "admin", "agency.qom.welfare" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<StoryWritten>(await App.PrincipalOfAsync(who), NewStory(p.Pardisan)));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<StoryWritten>(resident, NewStory(p.Pardisan)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(Anonymous, NewStory(p.Pardisan)));

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task Another_centres_facilitator_cannot_rewrite_a_story_by_its_id_nor_move_it_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var story = await DraftAsync(App, p.Pardisan);
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var before = await StoryFingerprintAsync(App);

        // facilitator.sari names their own neighbourhood but Pardisan's story id.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<StoryWritten>(sari,
            new WriteStory(story.StoryId, p.MazandaranNeighbourhood, StorySubject.CentreInitiative, "ربوده", "متن", null, null, story.Version)));
        var moved = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<StoryWritten>(await Facilitator(App),
            new WriteStory(story.StoryId, p.Qods, StorySubject.CentreInitiative, "جابه‌جا", "متن", null, null, story.Version)));
        Assert.Equal(Text.Get("Story.NeighbourhoodFixed"), moved.Message);

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task A_rewrite_from_an_older_version_or_of_a_submitted_story_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var first = await DraftAsync(App, p.Pardisan);
        var colleague = await App.SendAsync<StoryWritten>(facilitator,
            new WriteStory(first.StoryId, p.Pardisan, StorySubject.DeliveredDuty, "نسخهٔ همکار", "متن", null, null, first.Version));
        var before = await StoryFingerprintAsync(App);

        var stale = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator,
            new WriteStory(first.StoryId, p.Pardisan, StorySubject.DeliveredDuty, "نسخهٔ من", "متن", null, null, first.Version)));
        Assert.Equal(Text.Get("Story.ChangedMeanwhile"), stale.Message);
        var noVersion = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<StoryWritten>(facilitator,
            new WriteStory(first.StoryId, p.Pardisan, StorySubject.DeliveredDuty, "بی‌نسخه", "متن", null, null, null)));
        Assert.Contains(Text.Get("Story.ChangedMeanwhile"), noVersion.Message);
        Assert.Equal(before, await StoryFingerprintAsync(App));

        var submitted = await App.SendAsync<StoryWritten>(facilitator, new SubmitStory(first.StoryId, colleague.Version));
        before = await StoryFingerprintAsync(App);
        var locked = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator,
            new WriteStory(first.StoryId, p.Pardisan, StorySubject.DeliveredDuty, "پس از ارسال", "متن", null, null, submitted.Version)));
        Assert.Equal(Text.Get("Story.NotEditable"), locked.Message);
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator, new SubmitStory(first.StoryId, submitted.Version)));
        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task Html_and_script_in_a_story_are_stored_as_the_words_written()
    {
        var p = await PlacesAsync(App);
        const string title = "<script>alert('x')</script>";
        const string text = "<img src=x onerror=alert(1)> [link](javascript:alert(1))";
        var written = await App.SendAsync<StoryWritten>(await Facilitator(App), NewStory(p.Pardisan, title: title, text: text, subject: StorySubject.CentreInitiative));
        var story = await ReadStoryAsync(App, written.StoryId);
        // Stored verbatim; every page shows it through SafeMarkdown or as escaped text (the web tests check the sinks).
        Assert.Equal((title, text), (story.Title, story.Text));
    }
}
