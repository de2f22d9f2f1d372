using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Meetings.Commands.PublishMinutes;
using Salam.Application.Meetings.Commands.RecordDecision;
using Salam.Application.Meetings.Commands.WriteMinutes;
using Salam.Application.Stories.Commands.AddStoryPhoto;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Application.Tests.Meetings.Commands;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Stories;
using Salam.Testing;

namespace Salam.Application.Tests.Stories;

/// <summary>
/// Stories in the demo country: facilitator.pardisan's centre serves Pardisan (and Shahrak-e Qods); Safashahr is another centre of
/// Qom (no facilitator account, so facilitator.pardisan reaching it would be a tampered id); facilitator.sari and
/// officer.mazandaran work in Mazandaran.
/// </summary>
public static class StoryScene
{
    public static Task<ClaimsPrincipal> Facilitator(TestApp app) => app.PrincipalOfAsync("facilitator.pardisan");
    public static Task<ClaimsPrincipal> Officer(TestApp app) => app.PrincipalOfAsync("officer.qom");
    public static Task<ClaimsPrincipal> Ministry(TestApp app) => app.PrincipalOfAsync("ministry");

    /// <summary>Someone who has not signed in.</summary>
    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>A duty of the neighbourhood, moved to Done by its agency (arranged directly: the agency's desk is not under test).</summary>
    public static Task<int> DoneDutyAsync(TestApp app, int neighbourhoodId, string title = "روشنایی کوچه‌های محله", bool done = true) => app.ReadAsync(async db =>
    {
        var agency = await db.Agencies.Where(a => a.ProvinceId == db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => n.County!.ProvinceId).Single())
            .Select(a => a.Id).FirstAsync();
        var now = app.Clock.GetUtcNow();
        var duty = new Duty(agency, neighbourhoodId, null, title, "", Domain.Common.ProgrammeCalendar.DayOf(now).AddDays(30), 1, now.AddDays(-5));
        duty.Advance(DutyStatus.Accepted, 0, null, 1, now.AddDays(-4));
        if (done) duty.Advance(DutyStatus.Done, 100, "انجام شد", 1, now.AddDays(-1));
        db.Duties.Add(duty);
        await db.SaveChangesAsync();
        return duty.Id;
    });

    /// <summary>
    /// Residents disputed the duty. Set on the row directly so these tests do not depend on how a dispute comes about (the
    /// completion checks' tests cover that).
    /// </summary>
    public static Task DisputeAsync(TestApp app, int dutyId) => app.ReadAsync(async db =>
        await db.Duties.Where(d => d.Id == dutyId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DutyStatus.Disputed)));

    public static Task SettleAsync(TestApp app, int dutyId) => app.ReadAsync(async db =>
        await db.Duties.Where(d => d.Id == dutyId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DutyStatus.Done)));

    /// <summary>A published resolution of a Pardisan meeting; with <paramref name="publish"/> false, still in draft minutes.</summary>
    public static async Task<int> DecisionAsync(TestApp app, MeetingPlaces p, bool publish = true)
    {
        var facilitator = await Facilitator(app);
        var meeting = await MeetingScene.HeldAsync(app, facilitator, MeetingScene.PardisanPlan(app, p));
        var decision = await app.SendAsync<int>(facilitator, new RecordDecision(meeting,
            new DecisionDraft(DecisionKind.Resolution, "جشن پایان کار روشنایی", "", null, null, null, null)));
        if (!publish) return decision;
        await app.SendAsync<Unit>(facilitator, new WriteMinutes(meeting, "کار روشنایی کوچه‌ها به پایان رسید.", true, await MeetingScene.VersionAsync(app, meeting)));
        await app.SendAsync<Unit>(facilitator, new PublishMinutes(meeting, await MeetingScene.VersionAsync(app, meeting)));
        return decision;
    }

    public static WriteStory NewStory(int neighbourhoodId, int? dutyId = null, string title = "کوچه‌های روشن پردیسان", string text = "چراغ‌های **کوچه** روشن شد.",
        StorySubject subject = StorySubject.DeliveredDuty, int? decisionId = null) =>
        new(null, neighbourhoodId, subject, title, text, dutyId, decisionId, null);

    public static async Task<StoryWritten> DraftAsync(TestApp app, int neighbourhoodId, int? dutyId = null, string title = "کوچه‌های روشن پردیسان") =>
        await app.SendAsync<StoryWritten>(await Facilitator(app), NewStory(neighbourhoodId, dutyId, title));

    public static async Task<StoryWritten> WithPhotoAsync(TestApp app, StoryWritten story) =>
        await app.SendAsync<StoryWritten>(await Facilitator(app), new AddStoryPhoto(story.StoryId, TestPhotos.JpegWithExif(800, 600), "کوچهٔ روشن در شب", story.Version));

    public static async Task<StoryWritten> SubmittedAsync(TestApp app, int neighbourhoodId, int? dutyId = null, string title = "کوچه‌های روشن پردیسان")
    {
        var draft = await DraftAsync(app, neighbourhoodId, dutyId, title);
        return await app.SendAsync<StoryWritten>(await Facilitator(app), new SubmitStory(draft.StoryId, draft.Version));
    }

    public static async Task<StoryWritten> ApprovedAsync(TestApp app, int neighbourhoodId, int? dutyId = null, string title = "کوچه‌های روشن پردیسان", bool withPhoto = false)
    {
        var draft = await DraftAsync(app, neighbourhoodId, dutyId, title);
        if (withPhoto) draft = await WithPhotoAsync(app, draft);
        var submitted = await app.SendAsync<StoryWritten>(await Facilitator(app), new SubmitStory(draft.StoryId, draft.Version));
        return await app.SendAsync<StoryWritten>(await Officer(app), new ApproveStory(submitted.StoryId, submitted.Version));
    }

    public static Task<Guid> StoryVersionAsync(TestApp app, int storyId) =>
        app.ReadAsync(db => db.SuccessStories.Where(s => s.Id == storyId).Select(s => s.Version).SingleAsync());

    public static Task<SuccessStory> ReadStoryAsync(TestApp app, int storyId) =>
        app.ReadAsync(db => db.SuccessStories.AsNoTracking().Include(s => s.Photos).SingleAsync(s => s.Id == storyId));

    /// <summary>Everything a story request could write: stories, their states and versions, photos and the audit log.</summary>
    public static Task<string> StoryFingerprintAsync(TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.SuccessStories.CountAsync(), await db.StoryPhotos.CountAsync(), await db.AuditEvents.CountAsync(),
        string.Join(',', await db.SuccessStories.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Status}:{s.Featured}:{s.Version}:{s.Title}").ToListAsync()),
        string.Join(',', await db.StoryPhotos.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync())));
}
