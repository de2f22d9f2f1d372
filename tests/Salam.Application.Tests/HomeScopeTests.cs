using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

/// <summary>Each role's home shows its own scope and nothing beyond; every other role is refused.</summary>
public sealed class HomeScopeTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_resident_sees_their_own_neighbourhood_and_its_open_round()
    {
        var home = await App.SendAsync<ResidentHome>(await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile), new GetResidentHome());

        Assert.Equal("پردیسان", home.Neighbourhood.Fa);
        Assert.Equal("Qom", home.Province.En);
        var round = Assert.Single(home.OpenRounds);
        Assert.False(round.HasVoted);
    }

    [Fact]
    public async Task A_facilitator_sees_only_the_neighbourhoods_of_their_centre()
    {
        var home = await App.SendAsync<FacilitatorHome>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetFacilitatorHome());

        var expected = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.Centre!.NameEn == "Pardisan Positive Life Centre").Select(n => n.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(expected, home.Neighbourhoods.Select(n => n.Id).Order());
        Assert.Contains(home.Neighbourhoods, n => n.Name.Fa == "پردیسان");
    }

    [Fact]
    public async Task An_agency_manager_counts_only_their_own_agencys_duties()
    {
        var home = await App.SendAsync<AgencyHome>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetAgencyHome());

        var own = await App.ReadAsync(db => db.Duties.CountAsync(d => d.Agency!.NameEn == "Qom Province Welfare Directorate"));
        Assert.True(own > 0);
        Assert.Equal(own, home.ByStatus.Values.Sum());
        Assert.NotEmpty(home.MostUrgent);
        Assert.All(home.MostUrgent, d => Assert.False(Duty.IsFinished(d.Status), $"{d.Status} is finished"));
    }

    [Fact]
    public async Task A_provincial_officer_sees_only_their_provinces_counties()
    {
        var home = await App.SendAsync<ProvinceHome>(await App.PrincipalOfAsync("officer.qom"), new GetProvinceHome());

        Assert.Equal("Qom", home.Province.En);
        Assert.Equal(["Kahak", "Qom"], home.Counties.Select(c => c.Name.En).Order());
    }

    [Fact]
    public async Task Ministry_staff_see_every_province_with_national_totals()
    {
        var home = await App.SendAsync<NationalHome>(await App.PrincipalOfAsync("ministry"), new GetNationalHome());

        Assert.Equal(4, home.Provinces.Count);
        Assert.Equal(await App.ReadAsync(db => db.Residents.CountAsync()), home.Residents);
        Assert.Equal(await App.ReadAsync(db => db.Ballots.CountAsync()), home.Ballots);
    }

    public static TheoryData<string, Type> RefusedHomes => new()
    {
        { "facilitator.pardisan", typeof(GetNationalHome) },
        { "agency.qom.welfare", typeof(GetProvinceHome) },
        { "officer.qom", typeof(GetAgencyHome) },
        { "ministry", typeof(GetFacilitatorHome) },
        { "admin", typeof(GetResidentHome) },
        { "officer.mazandaran", typeof(GetNationalHome) },
    };

    [Theory]
    [MemberData(nameof(RefusedHomes))]
    public async Task Another_roles_home_is_refused(string userName, Type query)
    {
        var user = await App.PrincipalOfAsync(userName);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<object>(user, (Mediator.IMessage)Activator.CreateInstance(query)!));
    }
}
