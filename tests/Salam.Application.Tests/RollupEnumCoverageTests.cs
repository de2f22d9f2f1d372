using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// Every value of every enum the roll-up SQL reads reaches the reports: for each one (taken from Enum.GetValues, so a
/// value added later is covered without touching this test) one neighbourhood holds data with that value, and the
/// neighbourhood's and the nation's snapshots count it where it belongs.
/// </summary>
public sealed partial class RollupEnumCoverageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly NeedCategory[] Categories = Enum.GetValues<NeedCategory>();
    private static readonly BallotChannel[] Channels = Enum.GetValues<BallotChannel>();
    private static readonly AgencyKind[] Kinds = Enum.GetValues<AgencyKind>();
    private static readonly DutyStatus[] DutyStatuses = Enum.GetValues<DutyStatus>();
    private static readonly VolunteerStatus[] VolunteerStatuses = Enum.GetValues<VolunteerStatus>();
    private static readonly NeedStatus[] NeedStatuses = Enum.GetValues<NeedStatus>();
    private static readonly MeetingStatus[] MeetingStatuses = Enum.GetValues<MeetingStatus>();
    private static readonly CompletionAnswer[] Answers = Enum.GetValues<CompletionAnswer>();

    private TestApp _app = default!;
    private int _people;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false, now: T0.AddDays(4));
        await _app.ReadAsync(async db => { await BuildAsync(db); return 0; });
        await _app.RunRollupAsync(RollupMode.Full);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_value_of_every_enum_the_rollup_reads_shows_in_the_neighbourhood_and_national_snapshots()
    {
        foreach (var level in new[] { RollupLevel.Neighbourhood, RollupLevel.National })
        {
            var s = await _app.ReadAsync(db => db.RollupSnapshots.AsNoTracking().Include(x => x.Breakdowns).SingleAsync(x => x.Level == level));
            long Breakdown(BreakdownKind kind, int key) => s.Breakdowns.Where(b => b.Kind == kind && b.Key == key).Sum(b => b.Value);

            // Ballots: one per need category (Borda points, K = 1), channels in turn; each channel lands in its own column.
            Assert.All(Categories, c => Assert.Equal(1, Breakdown(BreakdownKind.NeedCategoryPoints, (int)c)));
            Assert.All(Channels, channel => Assert.Equal(Categories.Where((_, i) => Channels[i % Channels.Length] == channel).Count(), channel switch
            {
                BallotChannel.Online => s.BallotsOnline,
                BallotChannel.Paper => s.BallotsPaper,
                _ => throw new Xunit.Sdk.XunitException($"no snapshot column counts {channel} ballots"),
            }));

            // Needs: the category needs (approved) and one more in every status; all are proposed, the approved ones approved.
            Assert.Equal(Categories.Length + NeedStatuses.Length, s.NeedsProposed);
            Assert.Equal(Categories.Length + 1, s.NeedsApproved);

            // Duties: one per agency kind (assigned), one in every status, each found overdue before it got there, and one done
            // on time per completion answer, answered once so.
            Assert.All(Kinds, k => Assert.Equal(k == Kinds[0] ? 1 + DutyStatuses.Length + Answers.Length : 1, Breakdown(BreakdownKind.DutyAgencyKind, (int)k)));
            Assert.All(DutyStatuses, d => Assert.Equal(d switch { DutyStatus.Assigned => 1 + Kinds.Length, DutyStatus.Done => 1 + Answers.Length, _ => 1 },
                Breakdown(BreakdownKind.DutyStatus, (int)d)));
            Assert.Equal(Kinds.Length + DutyStatuses.Length + Answers.Length, s.DutiesTotal);
            Assert.Equal((1 + Answers.Length, Answers.Length), (s.DutiesDone, s.DutiesDoneOnTime));
            Assert.Equal(DutyStatuses.Count(d => !Duty.IsFinished(d)), s.DutiesOverdue);
            Assert.Equal((1 + Answers.Length, Answers.Length), (Breakdown(BreakdownKind.DutyDoneAgencyKind, (int)Kinds[0]), Breakdown(BreakdownKind.DutyDoneOnTimeAgencyKind, (int)Kinds[0])));
            // Completions: yes and partly confirm, a lone "no" neither confirms nor leaves it unanswered; the overdue Done one is unanswered.
            Assert.Equal((Answers.Count(a => a != CompletionAnswer.No), 1, 1), (s.CompletionsConfirmed, s.CompletionsDisputed, s.CompletionsUnanswered));

            // Volunteers: one in every status, each offering every skill; all but the inactive count, in every skill.
            var counted = VolunteerStatuses.Count(v => v != VolunteerStatus.Inactive);
            Assert.Equal(counted, s.Volunteers);
            Assert.All(VolunteerFlags.Skills, skill => Assert.Equal(counted, Breakdown(BreakdownKind.VolunteerSkill, (int)skill)));

            // Meetings: one in every status (deciding no duty, so the duties above stay as they are); held and published count as held.
            Assert.Equal(MeetingStatuses.Count(m => m >= MeetingStatus.Held), s.MeetingsHeld);

            AssertGiving(s);

            // Goods received count at the province and the nation only, like the rials: a neighbourhood has none.
            Assert.All(Enum.GetValues<BreakdownKind>(), kind =>
            {
                if (kind == BreakdownKind.ItemsReceived && level == RollupLevel.Neighbourhood) Assert.DoesNotContain(s.Breakdowns, b => b.Kind == kind);
                else Assert.Contains(s.Breakdowns, b => b.Kind == kind);
            });
        }
        var levels = await _app.ReadAsync(db => db.RollupSnapshots.Select(x => x.Level).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<RollupLevel>(), levels.Order());
    }

    private async Task BuildAsync(SalamDbContext db)
    {
        var province = new Province("E1", "استان", "Province");
        db.Provinces.Add(province);
        await db.SaveChangesAsync();
        var county = new County(province.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "شهرستان", "County");
        db.Counties.Add(county);
        await db.SaveChangesAsync();
        var place = new Neighbourhood(county.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله", "Place");
        db.Neighbourhoods.Add(place);
        var agencies = Kinds.Select(k => new Agency($"دستگاه {k}", $"Agency {k}", k, null)).ToList();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();

        var categoryNeeds = Categories.Select(c => Approved(new Need(place.Id, $"نیاز {c}", "", c, null, null, T0))).ToList();
        var moderated = NeedStatuses.Select(_ => new Need(place.Id, "نیاز دیگر", "", Categories[0], null, null, T0)).ToList();
        db.Needs.AddRange([.. categoryNeeds, .. moderated]);
        await db.SaveChangesAsync();
        foreach (var (need, status) in moderated.Zip(NeedStatuses)) Moderate(need, status, categoryNeeds[0]);

        var round = new PriorityRound(place.Id, "دور", T0, T0.AddDays(7), maxRanks: 1);
        categoryNeeds.ForEach(round.AddNeed);
        round.Open(T0);
        db.PriorityRounds.Add(round);
        var voters = Categories.Select(_ => Resident(place)).ToList();
        var volunteers = VolunteerStatuses.Select(_ => Resident(place)).ToList();
        db.Residents.AddRange([.. voters, .. volunteers]);
        await db.SaveChangesAsync();
        db.Ballots.AddRange(categoryNeeds.Select((need, i) =>
            new Ballot(round, voters[i].Id, [need.Id], Channels[i % Channels.Length], Channels[i % Channels.Length] == BallotChannel.Paper ? 1 : null, T0)));

        db.Meetings.AddRange(MeetingStatuses.Select(status => MeetingIn(status, province.Id, county.Id, place.Id)));
        db.Duties.AddRange(agencies.Select(a => new Duty(a.Id, place.Id, null, "وظیفه", "", DueOn(30), 1, T0)));
        db.Duties.AddRange(DutyStatuses.Select(status => OverdueDutyIn(status, agencies[0].Id, place.Id)));

        var answered = Answers.Select(answer => (answer, duty: DoneOnTime(agencies[0].Id, place.Id))).ToList();
        db.Duties.AddRange(answered.Select(a => a.duty));
        await db.SaveChangesAsync();
        db.CompletionChecks.AddRange(answered.Select(a => new CompletionCheck(a.duty.Id, a.duty.CompletionRound, voters[0].Id, a.answer, null, T0.AddDays(3))));

        var all = VolunteerFlags.Skills.Aggregate(VolunteerSkill.None, (sum, skill) => sum | skill);
        db.Volunteers.AddRange(volunteers.Zip(VolunteerStatuses).Select(p => VolunteerIn(p.Second, new Volunteer(p.First.Id, place.Id, all, 4, Weekdays.Saturday, null, 1, T0))));
        await db.SaveChangesAsync();
        await BuildGivingAsync(db, province.Id, place.Id);
    }

    private static DateOnly DueOn(int days) => Domain.Common.ProgrammeCalendar.DayOf(T0.AddDays(days));

    private Resident Resident(Neighbourhood place) => new(place.Id, $"ساکن {++_people}", MobileNumber.Parse($"0913{_people:0000000}"), null, T0);

    private static Need Approved(Need need)
    {
        need.Approve(T0);
        return need;
    }

    private static void Moderate(Need need, NeedStatus status, Need alive)
    {
        switch (status)
        {
            case NeedStatus.Proposed: break;
            case NeedStatus.Approved: need.Approve(T0); break;
            case NeedStatus.Rejected: need.Reject("تکراری"); break;
            case NeedStatus.Merged: need.MergeInto(alive); break;
            default: throw new Xunit.Sdk.XunitException($"teach this test to bring a need to {status}");
        }
    }

    /// <summary>A duty due the next day, flagged overdue two days later, then brought to the status through legal steps.</summary>
    private static Duty OverdueDutyIn(DutyStatus status, int agencyId, int placeId)
    {
        var duty = new Duty(agencyId, placeId, null, $"وظیفه {status}", "", DueOn(1), 1, T0);
        duty.MarkOverdue(DueOn(3));
        DutyStatus[] path = status switch
        {
            DutyStatus.Assigned => [],
            DutyStatus.Declined => [DutyStatus.Declined],
            DutyStatus.Accepted => [DutyStatus.Accepted],
            DutyStatus.InProgress => [DutyStatus.Accepted, DutyStatus.InProgress],
            DutyStatus.Blocked => [DutyStatus.Accepted, DutyStatus.Blocked],
            DutyStatus.Done or DutyStatus.Disputed => [DutyStatus.Accepted, DutyStatus.Done],
            _ => throw new Xunit.Sdk.XunitException($"teach this test the way to {status}"),
        };
        foreach (var step in path) duty.Advance(step, 10, "دلیل", 1, T0.AddDays(3));
        if (status == DutyStatus.Disputed) duty.Dispute(0, "ساکنان گفتند انجام نشده است", T0.AddDays(3));
        return duty;
    }

    private static Duty DoneOnTime(int agencyId, int placeId)
    {
        var duty = new Duty(agencyId, placeId, null, "وظیفهٔ انجام‌شده", "", DueOn(30), 1, T0);
        duty.Advance(DutyStatus.Accepted, 0, null, 1, T0.AddDays(1));
        duty.Advance(DutyStatus.Done, 100, null, 1, T0.AddDays(3));
        return duty;
    }

    /// <summary>A neighbourhood meeting brought to the status through legal steps.</summary>
    private static Meeting MeetingIn(MeetingStatus status, int provinceId, int countyId, int placeId)
    {
        var meeting = RollupMeetings.Plan(provinceId, countyId, placeId, T0);
        switch (status)
        {
            case MeetingStatus.Planned: break;
            case MeetingStatus.Held: meeting.Hold(T0.AddHours(2)); break;
            case MeetingStatus.MinutesPublished: meeting.Hold(T0.AddHours(2)).Publish(T0.AddHours(2)); break;
            default: throw new Xunit.Sdk.XunitException($"teach this test the way to {status}");
        }
        return meeting;
    }

    private static Volunteer VolunteerIn(VolunteerStatus status, Volunteer volunteer)
    {
        VolunteerStatus[] path = status switch
        {
            VolunteerStatus.Registered => [],
            VolunteerStatus.Contacted => [VolunteerStatus.Contacted],
            VolunteerStatus.Active => [VolunteerStatus.Contacted, VolunteerStatus.Active],
            VolunteerStatus.Inactive => [VolunteerStatus.Inactive],
            _ => throw new Xunit.Sdk.XunitException($"teach this test the way to {status}"),
        };
        foreach (var step in path) volunteer.MoveTo(step, 1, T0);
        return volunteer;
    }
}
