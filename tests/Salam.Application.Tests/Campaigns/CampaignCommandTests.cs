using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Commands.CreateCampaign;
using Salam.Application.Campaigns.Commands.ReviseCampaign;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Domain.Audit;
using Salam.Domain.Campaigns;
using static Salam.Application.Tests.Campaigns.CampaignScene;

namespace Salam.Application.Tests.Campaigns;

public sealed class CampaignCommandTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task An_officer_creates_a_campaign_of_their_province_and_revises_it_and_the_audit_log_records_it_with_its_province()
    {
        var p = await PlacesAsync(App);
        var written = await QomCampaignAsync(App, p);
        var campaign = await ReadCampaignAsync(App, written.CampaignId);
        Assert.Equal(("مثبت ماه", CampaignScope.Province, (int?)p.Qom, (long?)1_000_000_000, written.Version),
            (campaign.Name, campaign.Scope, campaign.ProvinceId, campaign.GoalRials, campaign.Version));
        Assert.Equal([p.PardisanCentre, p.SafashahrCentre], campaign.Centres.Select(c => c.CentreId).Order());

        // Kahak joins, Safashahr stays, the goal changes to goods only.
        var revised = await App.SendAsync<CampaignWritten>(await Officer(App), new ReviseCampaign(written.CampaignId, written.Version,
            Draft(App, [p.PardisanCentre, p.SafashahrCentre, p.KahakCentre], "مثبت ماه ۱۴۰۵", goal: null, items: [new ItemGoalInput(AidItem.SchoolKit, 40)])));
        campaign = await ReadCampaignAsync(App, written.CampaignId);
        Assert.Equal(("مثبت ماه ۱۴۰۵", (long?)null, revised.Version), (campaign.Name, campaign.GoalRials, campaign.Version));
        Assert.NotEqual(written.Version, revised.Version);
        Assert.Equal([p.PardisanCentre, p.SafashahrCentre, p.KahakCentre], campaign.Centres.Select(c => c.CentreId).Order());
        Assert.Equal([(AidItem.SchoolKit, 40)], campaign.ItemGoals.Select(g => (g.Item, g.Count)));

        var events = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "Campaign" && e.SubjectId == written.CampaignId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Changed], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(p.Qom, e.ProvinceId));
    }

    [Fact]
    public async Task The_ministry_creates_national_county_and_neighbourhood_campaigns_with_centres_serving_them()
    {
        var p = await PlacesAsync(App);
        var ministry = await Ministry(App);
        var national = await NationalCampaignAsync(App, p);
        Assert.Null((await ReadCampaignAsync(App, national.CampaignId)).ProvinceId);
        var county = await App.SendAsync<CampaignWritten>(ministry, new CreateCampaign(Draft(App, [p.KahakCentre]), CampaignScope.County, p.Qom, p.KahakCounty, []));
        Assert.Equal((int?)p.KahakCounty, (await ReadCampaignAsync(App, county.CampaignId)).CountyId);
        var chosen = await App.SendAsync<CampaignWritten>(await Officer(App),
            new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Neighbourhoods, p.Qom, null, [p.Pardisan, p.Qods]));
        Assert.Equal([p.Pardisan, p.Qods], (await ReadCampaignAsync(App, chosen.CampaignId)).Neighbourhoods.Select(n => n.NeighbourhoodId).Order());
        // A national campaign's audit event carries no province.
        Assert.Null(await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "Campaign" && e.SubjectId == national.CampaignId).Select(e => e.ProvinceId).SingleAsync()));
    }

    [Fact]
    public async Task Places_the_caller_does_not_hold_are_forbidden_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var officer = await Officer(App);
        var before = await FingerprintAsync(App);

        // An officer: a national campaign, another province, a county or neighbourhood of another province, another province's centre.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignWritten>(officer,
            new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.National, null, null, [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignWritten>(officer,
            new CreateCampaign(Draft(App, [p.SariCentre]), CampaignScope.Province, p.Mazandaran, null, [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignWritten>(officer,
            new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Neighbourhoods, p.Qom, null, [p.Pardisan, p.SarvinehBagh])));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignWritten>(officer,
            new CreateCampaign(Draft(App, [p.PardisanCentre, p.SariCentre]), CampaignScope.Province, p.Qom, null, [])));
        // Facilitators, agency managers, residents and strangers create none.
        foreach (var who in new[] { "facilitator.pardisan", "agency.qom.welfare", "admin" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CampaignWritten>(await App.PrincipalOfAsync(who),
                new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Province, p.Qom, null, [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<CampaignWritten>(Anonymous,
            new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Province, p.Qom, null, [])));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Centres_outside_the_scope_and_places_outside_the_province_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var ministry = await Ministry(App);
        var before = await FingerprintAsync(App);

        async Task<string> Refused(CreateCampaign command) =>
            (await Assert.ThrowsAnyAsync<RequestRefusedException>(() => App.SendAsync<CampaignWritten>(ministry, command))).Message;
        // Kahak's centre serves no neighbourhood of the Qom county; Pardisan's none of Kahak; Sari's is not in Qom.
        Assert.Equal(Text.Get("Campaign.CentreOutsideScope", "مرکز مثبت زندگی کهک"),
            await Refused(new CreateCampaign(Draft(App, [p.PardisanCentre, p.KahakCentre]), CampaignScope.County, p.Qom, p.QomCounty, [])));
        Assert.Equal(Text.Get("Campaign.CentreOutsideScope", "مرکز مثبت زندگی پردیسان"),
            await Refused(new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Neighbourhoods, p.Qom, null, [p.Safashahr])));
        Assert.Equal(Text.Get("Campaign.CentreOutsideScope", "مرکز مثبت زندگی سروینه‌باغ"),
            await Refused(new CreateCampaign(Draft(App, [p.SariCentre]), CampaignScope.Province, p.Qom, null, [])));
        Assert.Equal(Text.Get("Campaign.CountyOutsideProvince"),
            await Refused(new CreateCampaign(Draft(App, [p.KahakCentre]), CampaignScope.County, p.Mazandaran, p.KahakCounty, [])));
        Assert.Equal(Text.Get("Campaign.NeighbourhoodOutsideProvince"),
            await Refused(new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Neighbourhoods, p.Qom, null, [p.Pardisan, p.SarvinehBagh])));
        Assert.Equal(Text.Get("Campaign.PlaceDoesNotFitScope"),
            await Refused(new CreateCampaign(Draft(App, [p.PardisanCentre]), CampaignScope.Province, p.Qom, p.QomCounty, [])));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    public static TheoryData<string, string, long?, int, int, bool> BadDrafts => new()
    {
        // key, name, goal, window length in days, centres (0 = none), item goal twice
        { "Campaign.NameRequired", " ", 1000, 30, 1, false },
        { "Campaign.NameTooLong", new string('ن', Campaign.MaxNameLength + 1), 1000, 30, 1, false },
        { "Campaign.EndsBeforeStart", "مثبت ماه", 1000, 0, 1, false },
        { "Campaign.TooLong", "مثبت ماه", 1000, Campaign.MaxDays + 1, 1, false },
        { "Campaign.GoalNotPositive", "مثبت ماه", 0, 30, 1, false },
        { "Campaign.GoalNotPositive", "مثبت ماه", -10, 30, 1, false },
        { "Campaign.CentresRequired", "مثبت ماه", 1000, 30, 0, false },
        { "Campaign.ItemGoalTwice", "مثبت ماه", 1000, 30, 1, true },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_draft_is_refused_with_its_message_and_nothing_is_written(string key, string name, long? goal, int days, int centres, bool twice)
    {
        var p = await PlacesAsync(App);
        var start = Today(App);
        var draft = Draft(App, centres == 0 ? [] : [p.PardisanCentre], name, goal,
            twice ? [new ItemGoalInput(AidItem.Clothing, 1), new ItemGoalInput(AidItem.Clothing, 2)] : [], start, start.AddDays(days - 1));
        var before = await FingerprintAsync(App);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<CampaignWritten>(await Officer(App), new CreateCampaign(draft, CampaignScope.Province, p.Qom, null, [])));
        Assert.Contains(Text.Get(key, key == "Campaign.NameTooLong" ? Campaign.MaxNameLength : Campaign.MaxDays), refused.Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task A_campaign_with_no_goal_or_a_bad_item_goal_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var before = await FingerprintAsync(App);
        async Task<string> Refused(CampaignDraft draft) => (await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<CampaignWritten>(await Officer(App), new CreateCampaign(draft, CampaignScope.Province, p.Qom, null, [])))).Message;

        Assert.Contains(Text.Get("Campaign.GoalRequired"), await Refused(Draft(App, [p.PardisanCentre], goal: null, items: [])));
        Assert.Contains(Text.Get("Campaign.ItemGoalInvalid"), await Refused(Draft(App, [p.PardisanCentre], items: [new ItemGoalInput(AidItem.Clothing, 0)])));
        Assert.Contains(Text.Get("Campaign.ItemGoalInvalid"), await Refused(Draft(App, [p.PardisanCentre], items: [new ItemGoalInput((AidItem)42, 3)])));
        Assert.Contains(Text.Get("Campaign.ScopeInvalid"), (await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<CampaignWritten>(await Ministry(App), new CreateCampaign(Draft(App, [p.PardisanCentre]), (CampaignScope)9, null, null, [])))).Message);

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Revising_cannot_drop_a_centre_that_recorded_nor_leave_its_donations_outside_the_window_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var campaign = await QomCampaignAsync(App, p);
        await RecordAsync(App, campaign.CampaignId, p.PardisanCentre, Gift(App, receipt: "REV-1", on: Today(App).AddDays(-5)));
        var officer = await Officer(App);
        var before = await FingerprintAsync(App);

        async Task<string> Refused(ReviseCampaign command) =>
            (await Assert.ThrowsAnyAsync<RequestRefusedException>(() => App.SendAsync<CampaignWritten>(officer, command))).Message;
        Assert.Equal(Text.Get("Campaign.CentreHasDonations", "مرکز مثبت زندگی پردیسان"),
            await Refused(new ReviseCampaign(campaign.CampaignId, campaign.Version, Draft(App, [p.SafashahrCentre]))));
        Assert.Equal(Text.Get("Campaign.DonationsOutsideWindow"),
            await Refused(new ReviseCampaign(campaign.CampaignId, campaign.Version, Draft(App, [p.PardisanCentre], starts: Today(App).AddDays(-4)))));
        // A version the officer did not see: changed meanwhile.
        Assert.Equal(Text.Get("Campaign.Stale"),
            await Refused(new ReviseCampaign(campaign.CampaignId, Guid.NewGuid(), Draft(App, [p.PardisanCentre]))));
        // Another province's centre is out of the officer's reach.
        Assert.Equal(Text.Get("Forbidden.Scope"),
            await Refused(new ReviseCampaign(campaign.CampaignId, campaign.Version, Draft(App, [p.PardisanCentre, p.SariCentre]))));
        Assert.Contains(Text.Get("Campaign.VersionRequired"),
            await Refused(new ReviseCampaign(campaign.CampaignId, Guid.Empty, Draft(App, [p.PardisanCentre]))));

        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Only_the_ministry_revises_a_national_campaign_and_another_provinces_officer_none_of_qoms_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var national = await NationalCampaignAsync(App, p);
        var qom = await QomCampaignAsync(App, p);
        var before = await FingerprintAsync(App);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CampaignWritten>(await Officer(App),
            new ReviseCampaign(national.CampaignId, national.Version, Draft(App, [p.PardisanCentre]))));
        Assert.Equal(Text.Get("Campaign.NationalOnlyByMinistry"), refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CampaignWritten>(await App.PrincipalOfAsync("officer.mazandaran"),
            new ReviseCampaign(qom.CampaignId, qom.Version, Draft(App, [p.PardisanCentre]))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CampaignWritten>(await Facilitator(App),
            new ReviseCampaign(qom.CampaignId, qom.Version, Draft(App, [p.PardisanCentre]))));
        // A campaign id that does not exist is not found.
        await Assert.ThrowsAsync<NotFoundException>(async () => await App.SendAsync<CampaignWritten>(await Ministry(App),
            new ReviseCampaign(int.MaxValue, qom.Version, Draft(App, [p.PardisanCentre]))));

        Assert.Equal(before, await FingerprintAsync(App));

        var revised = await App.SendAsync<CampaignWritten>(await Ministry(App),
            new ReviseCampaign(national.CampaignId, national.Version, Draft(App, [p.PardisanCentre, p.SariCentre, p.KahakCentre], "سلام محله ۱۴۰۵")));
        Assert.Equal("سلام محله ۱۴۰۵", (await ReadCampaignAsync(App, revised.CampaignId)).Name);
    }
}
