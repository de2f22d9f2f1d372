using Microsoft.EntityFrameworkCore;
using Salam.Domain.Rounds;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.E2E.Tests;

/// <summary>The pages of each role the accessibility sweep visits: every menu entry and the detail pages reached from them.</summary>
internal sealed record SweepPlaces(int Pardisan, int OpenRound, int ClosedRound, int WelfareDuty, int Qom, int QomCounty, Giving Giving)
{
    public static readonly IReadOnlyDictionary<string, (string UserName, string Home)> StaffAccounts = new Dictionary<string, (string, string)>
    {
        ["facilitator"] = ("facilitator.pardisan", "/facilitator"),
        ["agency"] = ("agency.qom.welfare", "/agency"),
        ["officer"] = ("officer.qom", "/province"),
        ["ministry"] = ("ministry", "/national"),
        ["admin"] = ("admin", "/admin"),
    };

    private static readonly (string, string)[] Account = [("password", "/account/password"), ("two-factor", "/account/two-factor")];

    public IEnumerable<(string Name, string Path)> PagesOf(string role) => role switch
    {
        "visitor" =>
        [
            ("signin", "/signin"), ("signin-code", "/signin/code?mobile=09120000001"), ("register", "/register"),
            ("register-code", "/register/code?mobile=09120000999"), ("not-found", "/no-such-page"),
            ("public-neighbourhood", "/n/QOM-01-001"), ("public-province", "/p/QOM"), ("public-national", "/nation"), ("open-data", "/open"),
            ("public-campaign", $"/c/{Giving.Campaign}"),
        ],
        "resident" =>
        [
            ("home", "/resident"), ("ballot", $"/rounds/{OpenRound}/ballot"), ("results", $"/rounds/{ClosedRound}/results"),
            ("me", "/me"), ("volunteer", "/resident/volunteer"), ("propose", "/needs/propose"), ("minutes", "/my/minutes"),
        ],
        // A Pardisan volunteer of the demo's shifts: their page holds past hours, a booking and open shifts.
        "volunteer" => [("volunteer", "/resident/volunteer")],
        "facilitator" =>
        [
            ("home", "/facilitator"), ("desk", $"/facilitator/neighbourhoods/{Pardisan}"), ("volunteers", "/volunteers"),
            ("placements", "/placements"), ("residents", "/residents"), ("results", $"/rounds/{ClosedRound}/results"),
            ("duty", $"/duties/{WelfareDuty}"), ("plan-meeting", $"/meetings/plan?scope=Neighbourhood&id={Pardisan}"),
            ("stories", "/stories"), ("story-new", "/stories/new"), .. Account,
            ("campaigns", "/campaigns"), ("campaign", $"/campaigns/{Giving.Campaign}"), ("ledger", $"/campaigns/{Giving.Campaign}/centres/{Giving.Centre}"),
            ("shifts", "/shifts"), ("shift-new", "/shifts/new"), ("shift-past", $"/shifts/{Giving.PastShift}"), ("shift-coming", $"/shifts/{Giving.ComingShift}"),
            ("not-found", "/no-such-page"),
        ],
        "agency" =>
        [
            ("home", "/agency"), ("desk", "/agency/duties"), ("duty", $"/duties/{WelfareDuty}"), ("import", "/agency/import"),
            ("placed-volunteers", "/placed-volunteers"), .. Account,
        ],
        "officer" =>
        [
            ("home", "/province"), ("escalations", "/province/escalations"), ("assign", "/province/assign"), ("reports", "/reports"),
            ("report-province", $"/reports/provinces/{Qom}"), ("report-county", $"/reports/counties/{QomCounty}"),
            ("volunteers", "/volunteers"), ("placements", "/placements"), ("centres", "/centres"), ("agencies", "/agencies"),
            ("staff", "/staff"), ("audit", "/audit"), ("meetings", "/meetings"), ("plan-meeting", $"/meetings/plan?scope=Province&id={Qom}"),
            ("stories", "/stories"), .. Account,
            ("campaigns", "/campaigns"), ("campaign-new", "/campaigns/new"), ("campaign", $"/campaigns/{Giving.Campaign}"),
            ("ledger", $"/campaigns/{Giving.Campaign}/centres/{Giving.Centre}"), ("shifts", "/shifts"), ("shift-past", $"/shifts/{Giving.PastShift}"),
        ],
        "ministry" =>
        [
            ("home", "/national"), ("reports", "/reports"), ("report-province", $"/reports/provinces/{Qom}"), ("meetings", "/meetings"), ("stories", "/stories"), .. Account,
            ("campaigns", "/campaigns"), ("campaign-new", "/campaigns/new"), ("campaign", $"/campaigns/{Giving.Campaign}"), ("national-events", "/national-events"),
        ],
        "admin" =>
        [
            ("home", "/admin"), ("geography", "/admin/geography"), ("agencies", "/agencies"), ("centres", "/centres"),
            ("staff", "/staff"), ("audit", "/audit"), ("national", "/national"), ("reports", "/reports"), .. Account,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static Task<SweepPlaces> ReadAsync(BrowserFixture browser) => browser.ReadAsync(async db =>
    {
        var pardisan = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => new { n.Id, n.CountyId }).SingleAsync();
        var rounds = db.PriorityRounds.Where(r => r.NeighbourhoodId == pardisan.Id);
        var open = await rounds.Where(r => r.Status == RoundStatus.Open).Select(r => r.Id).FirstAsync();
        var closed = await rounds.Where(r => r.Status == RoundStatus.Closed || r.Status == RoundStatus.Published).Select(r => r.Id).FirstAsync();
        var welfare = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var duty = await db.Duties.Where(d => d.AgencyId == welfare && d.NeighbourhoodId == pardisan.Id).Select(d => d.Id).FirstAsync();
        var qom = await db.Counties.Where(c => c.Id == pardisan.CountyId).Select(c => c.ProvinceId).SingleAsync();
        var campaign = await db.Campaigns.Where(c => c.Name == DemoDataSeeder.DemoCampaignName).Select(c => c.Id).SingleAsync();
        var centre = await db.Centres.Where(c => c.NameEn == "Pardisan Positive Life Centre").Select(c => c.Id).SingleAsync();
        var shifts = db.Shifts.Where(s => s.CentreId == centre && s.NationalEventId == null);
        var past = await shifts.Where(s => s.AttendanceRecordedAt != null).Select(s => s.Id).FirstAsync();
        var coming = await shifts.Where(s => s.AttendanceRecordedAt == null).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
        // The volunteer who came to the past shift: their page shows hours, and the open shifts of their centre.
        var volunteer = await db.ShiftBookings.Where(b => b.ShiftId == past && b.Attendance == Attendance.Attended)
            .Select(b => db.Volunteers.Where(v => v.Id == b.VolunteerId).Select(v => v.Resident!.Mobile).First()).FirstAsync();
        return new SweepPlaces(pardisan.Id, open, closed, duty, qom, pardisan.CountyId, new Giving(campaign, centre, past, coming, volunteer));
    });
}

/// <summary>The demo's «مثبت ماه» campaign in Qom, Pardisan centre's ledger and shifts, and a volunteer with hours.</summary>
internal sealed record Giving(int Campaign, int Centre, int PastShift, int ComingShift, string VolunteerMobile);
