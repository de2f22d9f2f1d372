using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Queries.GetCampaignChoices;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Campaigns;

namespace Salam.Application.Tests.Campaigns;

/// <summary>
/// What the campaign form offers: an officer their own province's counties, neighbourhoods and centres (never another's, even
/// asked by id); ministry staff every province, one at a time; facilitators, residents and agency managers nothing.
/// </summary>
public sealed class CampaignChoicesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private Task<int> ProvinceAsync(string code) => App.ReadAsync(db => db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task An_officer_gets_their_own_province_s_places_and_centres_with_the_centre_serving_each_neighbourhood()
    {
        var qom = await ProvinceAsync("QOM");
        var choices = await App.SendAsync<CampaignChoices>(await App.PrincipalOfAsync("officer.qom"), new GetCampaignChoices());

        Assert.False(choices.National);
        Assert.Equal(qom, choices.ProvinceId);
        Assert.Equal([qom], choices.Provinces.Select(p => p.Id));
        var centres = await App.ReadAsync(db => db.Centres.Where(c => c.ProvinceId == qom).Select(c => c.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(centres, choices.Centres.Select(c => c.Id).Order());
        var served = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.County!.ProvinceId == qom).ToDictionaryAsync(n => n.Id, n => n.CentreId));
        Assert.Equal(served.Count, choices.Neighbourhoods.Count);
        Assert.All(choices.Neighbourhoods, n => Assert.Equal(served[n.Id], n.CentreId));
        Assert.Equal(2, choices.Counties.Count);
    }

    [Fact]
    public async Task An_officer_asking_for_another_province_by_id_is_refused()
    {
        var mazandaran = await ProvinceAsync("MZN");
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<CampaignChoices>(await App.PrincipalOfAsync("officer.qom"), new GetCampaignChoices(mazandaran)));
    }

    [Fact]
    public async Task Ministry_staff_get_every_province_and_one_province_s_lists_when_they_pick_it()
    {
        var ministry = await App.PrincipalOfAsync("ministry");
        var none = await App.SendAsync<CampaignChoices>(ministry, new GetCampaignChoices());
        Assert.True(none.National);
        Assert.True(none.Provinces.Count >= 2);
        Assert.Empty(none.Centres);

        var mazandaran = await ProvinceAsync("MZN");
        var picked = await App.SendAsync<CampaignChoices>(ministry, new GetCampaignChoices(mazandaran));
        Assert.NotEmpty(picked.Centres);
        Assert.All(picked.Centres, c => Assert.Equal(mazandaran, c.ProvinceId));
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("agency.qom.welfare")]
    public async Task Other_staff_roles_are_refused(string userName) =>
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<CampaignChoices>(await App.PrincipalOfAsync(userName), new GetCampaignChoices()));

    [Fact]
    public async Task A_resident_is_refused()
    {
        var resident = await App.ResidentPrincipalAsync(Infrastructure.Persistence.Seeding.DemoDataSeeder.FirstResidentMobile);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<CampaignChoices>(resident, new GetCampaignChoices()));
    }

    [Fact]
    public async Task With_a_campaign_its_places_and_centres_come_along_for_the_revise_form()
    {
        var qom = await ProvinceAsync("QOM");
        var centre = await App.ReadAsync(db => db.Centres.Where(c => c.ProvinceId == qom).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var id = await App.ReadAsync(async db =>
        {
            var today = Domain.Common.ProgrammeCalendar.DayOf(App.Clock.GetUtcNow());
            var campaign = new Campaign("پویش آزمون گزینه‌ها", "", today, today.AddDays(3), CampaignScope.Province, qom, null, [], 1_000_000, [], [centre], 1, App.Clock.GetUtcNow());
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

        var choices = await App.SendAsync<CampaignChoices>(await App.PrincipalOfAsync("ministry"), new GetCampaignChoices(null, id));
        Assert.Equal(qom, choices.ProvinceId);
        var places = choices.Campaign!;
        Assert.Equal((CampaignScope.Province, (int?)qom, (int?)null), (places.Scope, places.ProvinceId, places.CountyId));
        Assert.Empty(places.NeighbourhoodIds);
        Assert.Equal([centre], places.CentreIds);
    }
}
