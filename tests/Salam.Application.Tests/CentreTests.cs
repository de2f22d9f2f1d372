using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Commands.AssignFacilitator;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Application.Centres.Commands.UpdateCentre;
using Salam.Application.Centres.Queries.GetCentre;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Exceptions;
using Salam.Application.Home.Queries;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.Geography;

namespace Salam.Application.Tests;

/// <summary>Officers and the administrator manage centres and place facilitators; a facilitator's reach follows their centre.</summary>
public sealed class CentreTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task An_officer_lists_only_their_provinces_centres_with_neighbourhoods_and_facilitators()
    {
        var list = await App.SendAsync<CentreList>(await App.PrincipalOfAsync("officer.qom"), new GetCentres());

        Assert.Equal(await App.ProvinceAsync("Qom"), list.ProvinceId);
        Assert.Equal(["Qom"], list.Provinces.Select(p => p.Name.En));
        Assert.Contains(list.Centres, c => c.Name.En == DemoCentres.Safashahr);
        Assert.DoesNotContain(list.Centres, c => c.Name.En == DemoCentres.SarvinehBagh);
        Assert.DoesNotContain(list.Neighbourhoods, n => n.Name.En == "Ghaffari");
        Assert.Equal(["facilitator.pardisan"], list.Facilitators.Select(f => f.UserName));
        var pardisan = list.Centres.Single(c => c.Name.En == DemoCentres.Pardisan);
        Assert.Equal(["Pardisan", "Shahrak-e Qods"], pardisan.Neighbourhoods.Select(n => n.Name.En).Order());
        Assert.Equal(["facilitator.pardisan"], pardisan.Facilitators.Select(f => f.UserName));
    }

    [Fact]
    public async Task The_administrator_lists_any_province_they_choose()
    {
        var mazandaran = await App.ProvinceAsync("Mazandaran");
        var list = await App.SendAsync<CentreList>(await App.PrincipalOfAsync("admin"), new GetCentres(mazandaran));

        Assert.True(list.Provinces.Count >= 4);
        Assert.Contains(list.Centres, c => c.Name.En == DemoCentres.SarvinehBagh && c.Facilitators.Any(f => f.UserName == "facilitator.sari"));
        Assert.DoesNotContain(list.Centres, c => c.Name.En == DemoCentres.Safashahr);
    }

    [Fact]
    public async Task An_officer_opens_a_centre_and_a_neighbourhood_moves_to_it_from_its_old_centre()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var (qom, safashahr, zanbilabad) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.Safashahr), await App.NeighbourhoodAsync("Zanbilabad"));
        Assert.Equal(safashahr, await App.CentreOfNeighbourhoodAsync(zanbilabad));

        var id = await App.SendAsync<int>(officer, new CreateCentre(qom, " مرکز محله زنبیل‌آباد ", "Zanbilabad Community Centre", "قم، زنبیل‌آباد، کوچه ۳", CentreKind.CommunityCentre, [zanbilabad]));

        var centre = await App.SendAsync<CentreRow>(officer, new GetCentre(id));
        Assert.Equal(("مرکز محله زنبیل‌آباد", CentreKind.CommunityCentre, qom), (centre.Name.Fa, centre.Kind, centre.ProvinceId));
        Assert.Equal([zanbilabad], centre.Neighbourhoods.Select(n => n.Id));
        Assert.Equal(id, await App.CentreOfNeighbourhoodAsync(zanbilabad));
        var old = await App.SendAsync<CentreRow>(officer, new GetCentre(safashahr));
        Assert.DoesNotContain(old.Neighbourhoods, n => n.Id == zanbilabad);
    }

    [Fact]
    public async Task Updating_a_centre_describes_it_again_and_serves_exactly_the_chosen_neighbourhoods()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var kahak = await App.CentreAsync("Kahak Positive Life Centre");
        var (kahakPlace, vashnaveh, fordow) = (await App.NeighbourhoodAsync("Kahak"), await App.NeighbourhoodAsync("Vashnaveh"), await App.NeighbourhoodAsync("Fordow"));

        await App.SendAsync<Mediator.Unit>(officer, new UpdateCentre(kahak, "مرکز مثبت زندگی کهک", "Kahak Positive Life Centre", "کهک، میدان اصلی", CentreKind.PositiveLife, [kahakPlace, vashnaveh]));

        var centre = await App.SendAsync<CentreRow>(officer, new GetCentre(kahak));
        Assert.Equal("کهک، میدان اصلی", centre.Address);
        Assert.Equal(new[] { kahakPlace, vashnaveh }.Order(), centre.Neighbourhoods.Select(n => n.Id).Order());
        Assert.Null(await App.CentreOfNeighbourhoodAsync(fordow));
    }

    [Fact]
    public async Task A_facilitators_scope_follows_their_centre_and_their_old_sign_in_stops_being_valid()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var facilitator = await App.AccountAsync("facilitator.pardisan");
        var (pardisanCentre, safashahr) = (await App.CentreAsync(DemoCentres.Pardisan), await App.CentreAsync(DemoCentres.Safashahr));
        var (pardisan, safashahrPlace) = (await App.NeighbourhoodAsync("Pardisan"), await App.NeighbourhoodAsync("Safashahr"));
        var oldSignIn = await App.PrincipalOfAsync("facilitator.pardisan");
        try
        {
            await App.SendAsync<Mediator.Unit>(officer, new AssignFacilitator(facilitator.Id, safashahr));

            // Their stored stamp changed, so the cookie carrying the old centre is refused (ScopeStampValidator) ...
            var moved = await App.AccountAsync("facilitator.pardisan");
            Assert.Equal((safashahr, await App.ProvinceAsync("Qom")), (moved.CentreId, moved.ProvinceId));
            Assert.NotEqual(facilitator.SecurityStamp, moved.SecurityStamp);
            Assert.Equal(facilitator.SecurityStamp, oldSignIn.FindFirst("AspNet.Identity.SecurityStamp")?.Value);

            // ... and the sign-in they get next reaches the new centre's neighbourhoods, not the old ones.
            var newSignIn = await App.PrincipalOfAsync("facilitator.pardisan");
            var home = await App.SendAsync<FacilitatorHome>(newSignIn, new GetFacilitatorHome());
            Assert.Equal(DemoCentres.Safashahr, home.Centre.En);
            Assert.Contains(home.Neighbourhoods, n => n.Id == safashahrPlace);
            Assert.DoesNotContain(home.Neighbourhoods, n => n.Id == pardisan);
            var roster = await App.SendAsync<VolunteerRoster>(newSignIn, new GetVolunteerRoster());
            Assert.DoesNotContain(roster.Neighbourhoods, n => n.Id == pardisan);
            await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<object>(newSignIn, new Needs.Queries.GetNeighbourhoodNeeds.GetNeighbourhoodNeeds(pardisan)));

            var list = await App.SendAsync<CentreList>(officer, new GetCentres());
            Assert.Contains(list.Centres.Single(c => c.Id == safashahr).Facilitators, f => f.Id == facilitator.Id);
            Assert.Empty(list.Centres.Single(c => c.Id == pardisanCentre).Facilitators);
        }
        finally
        {
            await App.SendAsync<Mediator.Unit>(officer, new AssignFacilitator(facilitator.Id, pardisanCentre));
        }
    }

    [Fact]
    public async Task An_unassigned_facilitator_reaches_no_neighbourhood_but_stays_in_the_province_for_its_officer()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var facilitator = await App.AccountAsync("facilitator.pardisan");
        var pardisanCentre = await App.CentreAsync(DemoCentres.Pardisan);
        try
        {
            await App.SendAsync<Mediator.Unit>(officer, new AssignFacilitator(facilitator.Id, null));

            var unassigned = await App.PrincipalOfAsync("facilitator.pardisan");
            var roster = await App.SendAsync<VolunteerRoster>(unassigned, new GetVolunteerRoster());
            Assert.Empty(roster.Neighbourhoods);
            var list = await App.SendAsync<CentreList>(officer, new GetCentres());
            Assert.Contains(list.Facilitators, f => f.Id == facilitator.Id && f.CentreId == null);
        }
        finally
        {
            await App.SendAsync<Mediator.Unit>(officer, new AssignFacilitator(facilitator.Id, pardisanCentre));
        }
    }
}
