using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;

namespace Salam.Testing;

/// <summary>What <see cref="MeetingArrange.ArrangeMeetingAsync"/> made: the meeting, its decisions (in order) and the duties they became.</summary>
public sealed record ArrangedMeeting(int Id, IReadOnlyList<int> DecisionIds, IReadOnlyList<int> DutyIds);

/// <summary>
/// Meetings in any state for tests that read them, made straight through the domain and saved to the app's database (not through
/// the commands, so they work whatever the commands' state). Every step after the plan happens at a fixed time after the meeting
/// starts (attendance and decisions at +1 h, publication at +2 h), so a meeting held in the past has a believable history; a
/// meeting whose time has not come on the app's clock cannot be held (the domain refuses, as it should).
/// </summary>
public static class MeetingArrange
{
    public const string Minutes = "## صورت‌جلسه\n\nگزارش پیشرفت خوانده شد و تصمیم‌ها گرفته شد.";

    /// <summary>
    /// Plans a meeting of a neighbourhood, a county or a province (by id), starting at <paramref name="startsAt"/> (past or future),
    /// organised by a demo account. Invites the given agencies and the residents' representatives.
    /// </summary>
    public static async Task<int> PlanMeetingAsync(this TestApp app, MeetingScope scope, int scopeId, DateTimeOffset startsAt, IReadOnlyList<int>? agencyIds = null,
        string organiser = "facilitator.pardisan", string title = "جلسهٔ هماهنگی آزمایشی", MeetingKind? kind = null)
    {
        var organiserId = await UserIdAsync(app, organiser);
        return await WithDbAsync(app, async db =>
        {
            var (provinceId, countyId, neighbourhoodId) = (scopeId, (int?)null, (int?)null);
            if (scope == MeetingScope.County) (provinceId, countyId) = (await db.Counties.Where(c => c.Id == scopeId).Select(c => c.ProvinceId).SingleAsync(), scopeId);
            if (scope == MeetingScope.Neighbourhood)
            {
                var place = await db.Neighbourhoods.Where(n => n.Id == scopeId).Select(n => new { n.County!.ProvinceId, n.CountyId }).SingleAsync();
                (provinceId, countyId, neighbourhoodId) = (place.ProvinceId, place.CountyId, scopeId);
            }
            List<MeetingOrganisation> invited = [.. (agencyIds ?? []).Select(a => new MeetingOrganisation(OrganisationKind.Agency, a, null)),
                new MeetingOrganisation(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان ساکنان")];
            var meeting = new Meeting(kind ?? KindOf(scope), title, "سالن مرکز", startsAt, provinceId, countyId, neighbourhoodId, invited,
                [new AgendaItem(AgendaItemKind.Free, null, null, "گزارش پیشرفت")], organiserId, startsAt.AddDays(-7));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
    }

    /// <summary>Records attendance an hour after the start: every invited organisation came, with <paramref name="attendees"/> people.</summary>
    public static Task HoldAsync(this TestApp app, int meetingId, int attendees = 12) => ChangeAsync(app, meetingId, meeting =>
    {
        var at = meeting.StartsAt.AddHours(1);
        if (at > app.Clock.GetUtcNow()) throw new InvalidOperationException($"Meeting {meetingId} starts at {meeting.StartsAt}: it cannot be held before the app's clock passes {at}.");
        meeting.RecordAttendance(meeting.Organisations.ToList(), attendees, at);
    });

    /// <summary>Saves the minutes' draft and whether they are public.</summary>
    public static Task WriteMinutesAsync(this TestApp app, int meetingId, string minutes = Minutes, bool isPublic = true) =>
        ChangeAsync(app, meetingId, meeting => meeting.WriteMinutes(minutes, isPublic));

    /// <summary>Adds a decision to a held meeting's draft (an hour after its start, so its due date may lie before today); returns its id.</summary>
    public static async Task<int> DecideAsync(this TestApp app, int meetingId, DecisionDraft draft)
    {
        MeetingDecision? decision = null;
        await ChangeAsync(app, meetingId, meeting => decision = meeting.Decide(draft, meeting.OrganisedByUserId, meeting.StartsAt.AddHours(1)));
        return decision!.Id;
    }

    /// <summary>Publishes the minutes two hours after the start; each agency decision becomes its duty. Returns the new duties' ids.</summary>
    public static async Task<IReadOnlyList<int>> PublishAsync(this TestApp app, int meetingId)
    {
        List<Duty> duties = [];
        await ChangeAsync(app, meetingId, meeting =>
        {
            var at = meeting.StartsAt.AddHours(2);
            duties = [.. meeting.PublishMinutes(at).Select(d => d.BecameDuty(meeting.OrganisedByUserId, at))];
        });
        return [.. duties.Select(d => d.Id)];
    }

    /// <summary>
    /// Amends a published decision now (on the app's clock) with a new one; an agency decision becomes its duty at once, as the
    /// amending command does. Returns the new decision's id and its duty's, if any.
    /// </summary>
    public static async Task<(int DecisionId, int? DutyId)> AmendAsync(this TestApp app, int meetingId, int amendedDecisionId, DecisionDraft draft)
    {
        MeetingDecision? decision = null;
        await ChangeAsync(app, meetingId, meeting =>
        {
            var now = app.Clock.GetUtcNow();
            decision = meeting.Amend(amendedDecisionId, draft, meeting.OrganisedByUserId, now);
            if (decision.Kind == DecisionKind.AgencyDuty) decision.BecameDuty(meeting.OrganisedByUserId, now);
        });
        return (decision!.Id, decision.Duty?.Id);
    }

    /// <summary>
    /// A meeting in the given status in one call: planned (starting in a week unless <paramref name="startsAt"/> says otherwise), or held,
    /// minuted and decided (starting ten days ago by default), or published with its decisions' duties made.
    /// </summary>
    public static async Task<ArrangedMeeting> ArrangeMeetingAsync(this TestApp app, MeetingStatus status, MeetingScope scope, int scopeId,
        DateTimeOffset? startsAt = null, bool minutesPublic = true, IReadOnlyList<int>? agencyIds = null, string organiser = "facilitator.pardisan",
        string title = "جلسهٔ هماهنگی آزمایشی", params DecisionDraft[] decisions)
    {
        var now = app.Clock.GetUtcNow();
        var invited = (agencyIds ?? []).Concat(decisions.Select(d => d.AgencyId).OfType<int>()).Distinct().ToList();
        var id = await app.PlanMeetingAsync(scope, scopeId, startsAt ?? (status == MeetingStatus.Planned ? now.AddDays(7) : now.AddDays(-10)), invited, organiser, title);
        if (status == MeetingStatus.Planned) return new ArrangedMeeting(id, [], []);
        await app.HoldAsync(id);
        await app.WriteMinutesAsync(id, Minutes, minutesPublic);
        List<int> decided = [];
        foreach (var draft in decisions) decided.Add(await app.DecideAsync(id, draft));
        return new ArrangedMeeting(id, decided, status == MeetingStatus.MinutesPublished ? await app.PublishAsync(id) : []);
    }

    /// <summary>A decision that becomes a duty of <paramref name="agencyId"/> in <paramref name="neighbourhoodId"/>, due on <paramref name="due"/>.</summary>
    public static DecisionDraft AgencyDecision(int agencyId, int neighbourhoodId, DateOnly due, string title = "پیگیری تصمیم جلسه") =>
        new(DecisionKind.AgencyDuty, title, "", agencyId, neighbourhoodId, due, null);

    /// <summary>
    /// Moves a duty on at <paramref name="at"/>, as its agency would, by the legal steps: to Accepted, InProgress (50 %), Blocked,
    /// Done (on time when <paramref name="at"/> falls on or before its due date) or Declined (from Assigned).
    /// </summary>
    public static Task AdvanceDutyAsync(this TestApp app, int dutyId, DutyStatus to, DateTimeOffset at) => WithDbAsync(app, async db =>
    {
        var duty = await db.Duties.Include(d => d.Updates).SingleAsync(d => d.Id == dutyId);
        var by = duty.Updates[0].ByUserId;
        if (to == DutyStatus.Declined) duty.Advance(DutyStatus.Declined, 0, "در حوزهٔ این دستگاه نیست", by, at);
        else
        {
            if (duty.Status == DutyStatus.Assigned) duty.Advance(DutyStatus.Accepted, 0, null, by, at);
            if (to is DutyStatus.InProgress or DutyStatus.Blocked && duty.Status == DutyStatus.Accepted) duty.Advance(DutyStatus.InProgress, 50, "در حال انجام", by, at);
            if (to is DutyStatus.Blocked or DutyStatus.Done && duty.Status != to) duty.Advance(to, to == DutyStatus.Done ? 100 : duty.PercentComplete, "گزارش دستگاه", by, at);
        }
        await db.SaveChangesAsync();
        return 0;
    });

    private static MeetingKind KindOf(MeetingScope scope) => scope switch
    {
        MeetingScope.Neighbourhood => MeetingKind.NeighbourhoodCoordination,
        MeetingScope.County => MeetingKind.CountyCoordination,
        _ => MeetingKind.ProvincialCoordination,
    };

    private static Task ChangeAsync(TestApp app, int meetingId, Action<Meeting> change) => WithDbAsync(app, async db =>
    {
        var meeting = await db.Meetings.Include(m => m.Organisations).Include(m => m.Agenda).Include(m => m.Decisions).SingleAsync(m => m.Id == meetingId);
        change(meeting);
        await db.SaveChangesAsync();
        return 0;
    });

    private static async Task<T> WithDbAsync<T>(TestApp app, Func<SalamDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private static async Task<int> UserIdAsync(TestApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No demo account {userName}")).Id;
    }
}
