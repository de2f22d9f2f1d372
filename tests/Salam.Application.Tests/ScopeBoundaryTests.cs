using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// Every role against every kind of thing a request can name, inside and outside its scope: the one check the pipeline runs
/// before any handler. S is Pardisan (facilitator.pardisan's centre, Qom), Q another Qom neighbourhood, M one in Mazandaran.
/// </summary>
public sealed class ScopeBoundaryTests(ScopeBoundaryTests.Country country) : IClassFixture<ScopeBoundaryTests.Country>
{
    private TestApp _app => country.App;
    private Dictionary<string, ScopeTarget> _targets => country.Targets;

    /// <summary>The demo country with a need, a round, a volunteer and duties added in each of S, Q and M.</summary>
    public sealed class Country : IAsyncLifetime
    {
    public TestApp App { get; private set; } = default!;
    public Dictionary<string, ScopeTarget> Targets { get; } = [];
    private TestApp _app => App;
    private Dictionary<string, ScopeTarget> _targets => Targets;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        await _app.ReadAsync(async db =>
        {
            var pardisan = await db.Neighbourhoods.Include(n => n.County).SingleAsync(n => n.NameFa == "پردیسان");
            var qom = await db.Neighbourhoods.Where(n => n.County!.ProvinceId == pardisan.County!.ProvinceId && n.CentreId != pardisan.CentreId).FirstAsync();
            var mazandaran = await db.Neighbourhoods.Include(n => n.County).Where(n => n.County!.ProvinceId != pardisan.County!.ProvinceId).FirstAsync();
            var welfare = await db.Agencies.SingleAsync(a => a.ProvinceId == pardisan.County!.ProvinceId && a.Kind == AgencyKind.Welfare);
            var municipality = await db.Agencies.SingleAsync(a => a.ProvinceId == pardisan.County!.ProvinceId && a.Kind == AgencyKind.Municipality);
            var now = _app.Clock.GetUtcNow();
            var opener = await db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.Id).SingleAsync();
            foreach (var (name, place) in new[] { ("S", pardisan), ("Q", qom), ("M", mazandaran) })
            {
                var provinceAgency = name == "M" ? await db.Agencies.FirstAsync(a => a.ProvinceId == mazandaran.County!.ProvinceId) : welfare;
                var need = new Need(place.Id, $"نیاز {name}", "", NeedCategory.Health, null, null, now);
                var round = new PriorityRound(place.Id, $"دور {name}", now, now.AddDays(3));
                var resident = new Resident(place.Id, "داوطلب", MobileNumber.Parse($"0937{name[0] % 10:D1}000000") /* S: 09373000000 */, null, now);
                var ownDuty = new Duty(provinceAgency.Id, place.Id, null, $"وظیفه {name}", "", DateOnly.FromDateTime(now.UtcDateTime).AddDays(9), 1, now);
                var otherDuty = new Duty(municipality.Id, place.Id, null, $"وظیفهٔ شهرداری {name}", "", DateOnly.FromDateTime(now.UtcDateTime).AddDays(9), 1, now);
                db.AddRange(need, round, resident, ownDuty);
                if (name != "M") db.Add(otherDuty);
                await db.SaveChangesAsync();
                var volunteer = new Volunteer(resident.Id, place.Id, Domain.People.VolunteerSkill.Teaching, 2, Weekdays.Saturday, null, 1, now);
                db.Add(volunteer);
                // A batch of paper sheets needs an open round: the need goes on its ballot and the round opens.
                need.Approve(now);
                round.AddNeed(need);
                round.Open(now);
                await db.SaveChangesAsync();
                var batch = new PaperBatch(round, 10, opener, now);
                db.Add(batch);
                await db.SaveChangesAsync();
                _targets[$"Paper batch {name}"] = ScopeTarget.PaperBatch(batch.Id);
                _targets[$"Meeting {name}"] = ScopeTarget.Meeting(await MeetingAsync(db, name == "M" ? mazandaran.County!.ProvinceId : pardisan.County!.ProvinceId,
                    place.CountyId, place.Id, opener));
                _targets[$"Neighbourhood {name}"] = ScopeTarget.Neighbourhood(place.Id);
                _targets[$"Need {name}"] = ScopeTarget.Need(need.Id);
                _targets[$"Round {name}"] = ScopeTarget.Round(round.Id);
                _targets[$"Volunteer {name}"] = ScopeTarget.Volunteer(volunteer.Id);
                _targets[$"Resident {name}"] = ScopeTarget.Resident(resident.Id);
                _targets[$"Duty {name}"] = ScopeTarget.Duty(ownDuty.Id);
                if (name != "M") _targets[$"Municipality duty {name}"] = ScopeTarget.Duty(otherDuty.Id);
            }
            _targets["Province Qom"] = ScopeTarget.Province(pardisan.County!.ProvinceId);
            _targets["Province Mazandaran"] = ScopeTarget.Province(mazandaran.County!.ProvinceId);
            _targets["County Qom"] = ScopeTarget.County(pardisan.CountyId);
            _targets["County Mazandaran"] = ScopeTarget.County(mazandaran.CountyId);
            _targets["Centre Qom"] = ScopeTarget.Centre(pardisan.CentreId!.Value);
            _targets["Centre Mazandaran"] = ScopeTarget.Centre(await db.Centres.Where(c => c.ProvinceId == mazandaran.County!.ProvinceId).Select(c => c.Id).FirstAsync());
            _targets["Agency Qom"] = ScopeTarget.Agency(welfare.Id);
            _targets["Agency Mazandaran"] = ScopeTarget.Agency(await db.Agencies.Where(a => a.ProvinceId == mazandaran.County!.ProvinceId).Select(a => a.Id).FirstAsync());
            _targets["Agency national"] = ScopeTarget.Agency(await db.Agencies.Where(a => a.ProvinceId == null).Select(a => a.Id).FirstAsync());
            _targets["Administered agency Qom"] = ScopeTarget.AdministeredAgency(welfare.Id);
            _targets["Administered agency Mazandaran"] = ScopeTarget.AdministeredAgency(await db.Agencies.Where(a => a.ProvinceId == mazandaran.County!.ProvinceId).Select(a => a.Id).FirstAsync());
            _targets["Administered agency national"] = ScopeTarget.AdministeredAgency(await db.Agencies.Where(a => a.ProvinceId == null).Select(a => a.Id).FirstAsync());
            _targets["Facilitator Qom"] = ScopeTarget.Facilitator(await db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.Id).SingleAsync());
            _targets["Facilitator Mazandaran"] = ScopeTarget.Facilitator(await db.Users.Where(u => u.UserName == "facilitator.sari").Select(u => u.Id).SingleAsync());
            foreach (var (name, userName) in new[] { ("Staff account facilitator Qom", "facilitator.pardisan"), ("Staff account manager Qom", "agency.qom.welfare"),
                ("Staff account facilitator Mazandaran", "facilitator.sari"), ("Staff account officer Qom", "officer.qom"), ("Staff account admin", "admin") })
                _targets[name] = ScopeTarget.StaffAccount(await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
            foreach (var role in new[] { Role.Facilitator, Role.AgencyManager, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin })
                _targets[$"Staff role {role}"] = ScopeTarget.StaffRole(role);
            _targets["Agency staff Qom"] = ScopeTarget.AgencyStaff(welfare.Id);
            _targets["Agency staff Mazandaran"] = ScopeTarget.AgencyStaff(_targets["Agency Mazandaran"].Id);
            _targets["Agency staff national"] = ScopeTarget.AgencyStaff(_targets["Agency national"].Id);
            _targets["Meeting county Qom"] = ScopeTarget.Meeting(await MeetingAsync(db, pardisan.County!.ProvinceId, pardisan.CountyId, null, opener));
            _targets["Meeting province Qom"] = ScopeTarget.Meeting(await MeetingAsync(db, pardisan.County!.ProvinceId, null, null, opener));
            _targets["Meeting province Mazandaran"] = ScopeTarget.Meeting(await MeetingAsync(db, mazandaran.County!.ProvinceId, null, null, opener));
            _targets["Caller"] = ScopeTarget.Caller;
            _targets["Nation"] = ScopeTarget.Nation;
            return 0;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A planned meeting of a neighbourhood, a county or a province (the narrowest id given is its scope).</summary>
    private async Task<int> MeetingAsync(Infrastructure.Persistence.SalamDbContext db, int provinceId, int? countyId, int? neighbourhoodId, int organiser)
    {
        var now = _app.Clock.GetUtcNow();
        var meeting = new Meeting(MeetingKind.NeighbourhoodCoordination, "جلسه", "مرکز", now.AddDays(2), provinceId, countyId, neighbourhoodId,
            [new MeetingOrganisation(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان ساکنان")], [], organiser, now);
        db.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
    }

    // What each role reaches; everything else in the table above is refused.
    private static readonly Dictionary<string, string[]> Reach = new()
    {
        // Meetings are the organisers' and officials': a resident reads public minutes, a manager a duty's origin, by requests of their own.
        ["resident"] = ["Neighbourhood S", "Need S", "Round S", "Paper batch S", "Volunteer S", "Resident S", "Duty S", "Municipality duty S", "Caller", "Agency national"],
        ["facilitator.pardisan"] = ["Neighbourhood S", "Need S", "Round S", "Paper batch S", "Volunteer S", "Resident S", "Duty S", "Municipality duty S", "Caller",
            "Province Qom", "County Qom", "Centre Qom", "Agency Qom", "Agency national", "Facilitator Qom", "Administered agency Qom",
            // Their centre's neighbourhood meeting, and (to read) the county's and the province's; not another centre's.
            "Meeting S", "Meeting county Qom", "Meeting province Qom"],
        ["officer.qom"] = ["Neighbourhood S", "Need S", "Round S", "Paper batch S", "Volunteer S", "Resident S", "Duty S", "Municipality duty S",
            "Neighbourhood Q", "Need Q", "Round Q", "Paper batch Q", "Volunteer Q", "Resident Q", "Duty Q", "Municipality duty Q", "Caller",
            "Province Qom", "County Qom", "Centre Qom", "Agency Qom", "Agency national", "Facilitator Qom",
            // An officer manages the facilitators and agency managers of their province, and gives only those roles.
            "Administered agency Qom",
            "Staff account facilitator Qom", "Staff account manager Qom", "Staff role Facilitator", "Staff role AgencyManager", "Agency staff Qom",
            "Meeting S", "Meeting Q", "Meeting county Qom", "Meeting province Qom"],
        // A manager reaches the places of the agency's province, but of duties only the agency's own.
        ["agency.qom.welfare"] = ["Neighbourhood S", "Need S", "Round S", "Paper batch S", "Volunteer S", "Resident S", "Duty S",
            "Neighbourhood Q", "Need Q", "Round Q", "Paper batch Q", "Volunteer Q", "Resident Q", "Duty Q", "Caller",
            "Province Qom", "County Qom", "Centre Qom", "Agency Qom", "Agency national", "Facilitator Qom", "Administered agency Qom"],
    };

    public static TheoryData<string> People => ["resident", "facilitator.pardisan", "officer.qom", "agency.qom.welfare", "ministry", "admin"];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Each_role_reaches_exactly_its_scope_and_is_refused_the_rest(string person)
    {
        var principal = person == "resident" ? await _app.ResidentPrincipalAsync("09373000000") : await _app.PrincipalOfAsync(person);
        var national = person is "ministry" or "admin";
        // Ministry staff read the whole country but manage no accounts: that is the administrator's alone.
        static bool Administers(string name) => name.StartsWith("Staff ", StringComparison.Ordinal) || name.StartsWith("Agency staff", StringComparison.Ordinal);

        var reached = new List<string>();
        foreach (var (name, target) in _targets)
            if (await ReachesAsync(principal, target)) reached.Add(name);

        IEnumerable<string> expected = person == "ministry" ? _targets.Keys.Where(k => !Administers(k)) : national ? _targets.Keys : Reach[person];
        Assert.Equal(expected.Order(), reached.Order());
    }

    [Fact]
    public async Task An_id_that_does_not_exist_is_not_found_rather_than_reached()
    {
        var officer = await _app.PrincipalOfAsync("officer.qom");
        await _app.ResidentPrincipalAsync("09373000000"); // a resident's sign-in account is not a staff account
        var residentAccount = await _app.ReadAsync(db => db.Users.Where(u => u.ResidentId != null).Select(u => u.Id).FirstAsync());
        foreach (var target in new[] { ScopeTarget.Round(999_999), ScopeTarget.Duty(999_999), ScopeTarget.Centre(999_999), ScopeTarget.Agency(999_999),
                     ScopeTarget.StaffAccount(999_999), ScopeTarget.AgencyStaff(999_999), ScopeTarget.StaffAccount(residentAccount), ScopeTarget.AdministeredAgency(999_999), ScopeTarget.Resident(999_999),
                     ScopeTarget.PaperBatch(999_999), ScopeTarget.Meeting(999_999) })
            await Assert.ThrowsAsync<NotFoundException>(() => ReachesAsync(officer, target));
    }

    [Fact]
    public async Task A_tampered_batch_id_of_another_centre_or_province_is_refused_before_anything_is_written()
    {
        var facilitator = await _app.PrincipalOfAsync("facilitator.pardisan");
        var roundS = _targets["Round S"].Id;
        var needS = await _app.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundS).SelectMany(r => r.Needs).Select(n => n.NeedId).FirstAsync());
        var before = await _app.BatchesFingerprintAsync();

        foreach (var other in new[] { "Paper batch Q", "Paper batch M" })
        {
            var batchId = _targets[other].Id;
            await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync<Rounds.Commands.SubmitPaperBallot.PaperBallotReceipt>(facilitator,
                new Rounds.Commands.SubmitPaperBallot.SubmitPaperBallot(roundS, NationalIds.Valid(4321), "09361112233", "برگه", [needS], batchId)));
            await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync<PaperBatchStatus>(facilitator, new Rounds.PaperBatches.ClosePaperBatch.ClosePaperBatch(batchId)));
            await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync<PaperBatchStatus>(facilitator, new Rounds.PaperBatches.CountersignPaperBatch.CountersignPaperBatch(batchId)));
        }
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync<PaperBatchStatus>(await _app.PrincipalOfAsync("officer.qom"),
            new Rounds.PaperBatches.CountersignPaperBatch.CountersignPaperBatch(_targets["Paper batch M"].Id)));

        Assert.Equal(before, await _app.BatchesFingerprintAsync());
    }

    [Fact]
    public async Task A_tampered_meeting_id_of_another_centre_or_province_is_refused_before_anything_is_written()
    {
        static Mediator.IMessage[] Changes(int meeting) =>
        [
            new global::Salam.Application.Meetings.Commands.RecordAttendance.RecordAttendance(meeting, [new(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان ساکنان")], 5, Guid.Empty),
            new global::Salam.Application.Meetings.Commands.WriteMinutes.WriteMinutes(meeting, "متن", true, Guid.Empty),
            new global::Salam.Application.Meetings.Commands.RecordDecision.RecordDecision(meeting, new DecisionDraft(DecisionKind.Resolution, "مصوبه", "", null, null, null, null)),
            new global::Salam.Application.Meetings.Commands.RemoveDecision.RemoveDecision(meeting, 1),
            new global::Salam.Application.Meetings.Commands.PublishMinutes.PublishMinutes(meeting, Guid.Empty),
            new global::Salam.Application.Meetings.Commands.AmendDecision.AmendDecision(meeting, 1, new DecisionDraft(DecisionKind.Resolution, "اصلاح", "", null, null, null, null)),
        ];
        string[] Of(params string[] names) => [.. names];
        var attempts = new (System.Security.Claims.ClaimsPrincipal Who, string[] Meetings)[]
        {
            (await _app.PrincipalOfAsync("facilitator.pardisan"), Of("Meeting Q", "Meeting M", "Meeting province Mazandaran")),
            (await _app.PrincipalOfAsync("facilitator.sari"), Of("Meeting S", "Meeting county Qom", "Meeting province Qom")),
            (await _app.PrincipalOfAsync("officer.qom"), Of("Meeting M", "Meeting province Mazandaran")),
            (await _app.PrincipalOfAsync("agency.qom.welfare"), Of("Meeting S", "Meeting county Qom")),
            (await _app.ResidentPrincipalAsync("09373000000"), Of("Meeting S")),
        };
        var before = await _app.ReadAsync(async db => string.Join(',', await db.Meetings.OrderBy(m => m.Id).Select(m => m.Version).ToListAsync())
            + await db.MeetingDecisions.CountAsync() + "|" + await db.AuditEvents.CountAsync());

        foreach (var (who, meetings) in attempts)
            foreach (var meeting in meetings)
                foreach (var change in Changes(_targets[meeting].Id))
                    await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync<object>(who, change));

        Assert.Equal(before, await _app.ReadAsync(async db => string.Join(',', await db.Meetings.OrderBy(m => m.Id).Select(m => m.Version).ToListAsync())
            + await db.MeetingDecisions.CountAsync() + "|" + await db.AuditEvents.CountAsync()));
    }

    private async Task<bool> ReachesAsync(ClaimsPrincipal principal, ScopeTarget target)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(principal);
        try
        {
            await scope.ServiceProvider.GetRequiredService<ScopeResolver>().EnsureAsync("test", [target], CancellationToken.None);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
