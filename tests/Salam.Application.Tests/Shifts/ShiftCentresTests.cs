using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Common;
using Salam.Application.Shifts.Queries.GetShiftCentres;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using Salam.Testing;

namespace Salam.Application.Tests.Shifts;

/// <summary>The shifts page's centre chooser: an officer their own province's centres, ministry staff any province's; nobody else.</summary>
public sealed class ShiftCentresTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<(int Qom, int Mazandaran)> ProvincesAsync() => App.ReadAsync(async db => (
        await db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync(),
        await db.Provinces.Where(p => p.NameEn == "Mazandaran").Select(p => p.Id).SingleAsync()));

    [Fact]
    public async Task The_officer_gets_their_provinces_centres_with_the_shifts_each_has_coming()
    {
        var (qom, _) = await ProvincesAsync();
        var pardisan = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => new { n.Id, CentreId = n.CentreId!.Value }).SingleAsync());
        var startsAt = App.Clock.GetUtcNow().AddDays(3);
        // The demo holds a coming shift at Pardisan's centre already: this one adds to it.
        var now = App.Clock.GetUtcNow();
        var before = await App.ReadAsync(db => db.Shifts.CountAsync(s => s.CentreId == pardisan.CentreId && s.EndsAt > now));
        await App.SendAsync<ShiftWritten>(await App.PrincipalOfAsync("facilitator.pardisan"), new CreateShift(pardisan.CentreId, pardisan.Id,
            new ShiftDraft("کاشت درخت", "پارک", startsAt, startsAt.AddHours(2), VolunteerSkill.None, 4), ShiftLink.None));

        var centres = await App.SendAsync<IReadOnlyList<ShiftCentre>>(await App.PrincipalOfAsync("officer.qom"), new GetShiftCentres(qom));

        var expected = await App.ReadAsync(db => db.Centres.Where(c => c.ProvinceId == qom).Select(c => c.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(expected, centres.Select(c => c.CentreId).Order());
        Assert.Equal(before + 1, centres.Single(c => c.CentreId == pardisan.CentreId).Coming);
        Assert.All(centres.Where(c => c.CentreId != pardisan.CentreId), c => Assert.Equal(0, c.Coming));
    }

    [Fact]
    public async Task Ministry_staff_get_any_provinces_centres()
    {
        var (_, mazandaran) = await ProvincesAsync();

        var centres = await App.SendAsync<IReadOnlyList<ShiftCentre>>(await App.PrincipalOfAsync("ministry"), new GetShiftCentres(mazandaran));

        Assert.Equal(await App.ReadAsync(db => db.Centres.CountAsync(c => c.ProvinceId == mazandaran)), centres.Count);
        Assert.NotEmpty(centres);
    }

    [Theory]
    [InlineData("officer.mazandaran")]
    [InlineData("facilitator.pardisan")]
    [InlineData("agency.qom.welfare")]
    [InlineData("admin")]
    public async Task Another_provinces_officer_and_other_roles_are_refused(string userName)
    {
        var (qom, _) = await ProvincesAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<IReadOnlyList<ShiftCentre>>(await App.PrincipalOfAsync(userName), new GetShiftCentres(qom)));
    }

    [Fact]
    public async Task A_resident_is_refused()
    {
        var (qom, _) = await ProvincesAsync();
        var resident = await App.ResidentPrincipalAsync(Infrastructure.Persistence.Seeding.DemoDataSeeder.FirstResidentMobile);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<IReadOnlyList<ShiftCentre>>(resident, new GetShiftCentres(qom)));
    }
}
