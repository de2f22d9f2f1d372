using Microsoft.EntityFrameworkCore;
using Salam.Domain.Rounds;

namespace Salam.E2E.Tests;

/// <summary>The pages of each role the accessibility sweep visits: every menu entry and the detail pages reached from them.</summary>
internal sealed record SweepPlaces(int Pardisan, int OpenRound, int ClosedRound, int WelfareDuty, int Qom, int QomCounty)
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
        ],
        "resident" =>
        [
            ("home", "/resident"), ("ballot", $"/rounds/{OpenRound}/ballot"), ("results", $"/rounds/{ClosedRound}/results"),
            ("me", "/me"), ("volunteer", "/resident/volunteer"), ("propose", "/needs/propose"), ("minutes", "/my/minutes"),
        ],
        "facilitator" =>
        [
            ("home", "/facilitator"), ("desk", $"/facilitator/neighbourhoods/{Pardisan}"), ("volunteers", "/volunteers"),
            ("placements", "/placements"), ("residents", "/residents"), ("results", $"/rounds/{ClosedRound}/results"),
            ("duty", $"/duties/{WelfareDuty}"), ("plan-meeting", $"/meetings/plan?scope=Neighbourhood&id={Pardisan}"),
            ("stories", "/stories"), ("story-new", "/stories/new"), .. Account,
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
        ],
        "ministry" => [("home", "/national"), ("reports", "/reports"), ("report-province", $"/reports/provinces/{Qom}"), ("meetings", "/meetings"), ("stories", "/stories"), .. Account],
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
        return new SweepPlaces(pardisan.Id, open, closed, duty, qom, pardisan.CountyId);
    });
}
