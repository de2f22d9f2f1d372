using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Geography.Commands.AddPlace;
using Salam.Application.Geography.Commands.RenamePlace;
using Salam.Application.Geography.Common;
using Salam.Application.Geography.Queries.GetPlaces;
using Salam.Domain.Audit;
using Salam.Domain.Geography;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>The administrator adds and renames single places; each refusal writes nothing.</summary>
public sealed class PlaceEditTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<TException> RefusedAsync<TException>(string userName, IMessage request) where TException : RequestRefusedException
    {
        var before = await App.GeographyFingerprintAsync();
        var refused = await Assert.ThrowsAsync<TException>(async () => await App.SendAsync<object>(await App.PrincipalOfAsync(userName), request));
        Assert.Equal(before, await App.GeographyFingerprintAsync());
        return refused;
    }

    [Fact]
    public async Task A_county_added_with_persian_digits_in_its_code_is_found_in_the_tree_and_audited()
    {
        var qom = await App.ProvinceAsync("Qom");
        var since = await App.LastAuditEventAsync();

        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("admin"), new AddPlace(PlaceLevel.County, qom, "QOM-۷۷", "جعفریه", null));

        var county = await App.ReadAsync(db => db.Counties.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("QOM-77", qom, "جعفریه", "جعفریه"), (county.Code, county.ProvinceId, county.NameFa, county.NameEn));
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since));
        Assert.Equal(("County", id, AuditAction.Created), (audit.Kind, audit.SubjectId, audit.Action));
        var page = await App.SendAsync<PlacePage>(await App.PrincipalOfAsync("admin"), new GetPlaces(PlaceLevel.County, qom, "۷۷"));
        Assert.Equal(id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_code_in_use_an_empty_or_long_name_a_missing_or_unknown_parent_and_the_wrong_role_are_refused()
    {
        var qom = await App.ProvinceAsync("Qom");
        Assert.Equal(Text.Get("Geography.CodeTaken", "QOM-01-001"),
            (await RefusedAsync<RequestRefusedException>("admin", new AddPlace(PlaceLevel.County, qom, "QOM-01-001", "نام", null))).Message);
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace(PlaceLevel.County, qom, "QOM-88", " ", null));
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace(PlaceLevel.County, qom, "QOM-88", new string('ن', Place.NameMaxLength + 1), null));
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace(PlaceLevel.County, qom, new string('C', Place.CodeMaxLength + 1), "نام", null));
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace(PlaceLevel.County, null, "QOM-88", "نام", null));
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace(PlaceLevel.Province, qom, "NEW", "نام", null));
        await RefusedAsync<ValidationFailedException>("admin", new AddPlace((PlaceLevel)7, null, "NEW", "نام", null));
        await RefusedAsync<NotFoundException>("admin", new AddPlace(PlaceLevel.Neighbourhood, 999_999, "QOM-88-001", "نام", null));
        await RefusedAsync<ForbiddenException>("officer.qom", new AddPlace(PlaceLevel.County, qom, "QOM-88", "نام", null));
        var pardisan = await App.NeighbourhoodAsync("Pardisan");
        await RefusedAsync<ValidationFailedException>("admin", new RenamePlace(PlaceLevel.Neighbourhood, pardisan, "", "Pardisan"));
        await RefusedAsync<ForbiddenException>("officer.qom", new RenamePlace(PlaceLevel.Neighbourhood, pardisan, "پردیسان نو", "New Pardisan"));
        await RefusedAsync<NotFoundException>("admin", new RenamePlace(PlaceLevel.County, 999_999, "نام", null));
    }

    [Fact]
    public async Task A_renamed_place_keeps_its_code_and_the_old_name_is_in_the_audit_log()
    {
        var kahak = await App.ReadAsync(db => db.Counties.Where(c => c.NameEn == "Kahak").Select(c => new { c.Id, c.Code }).SingleAsync());
        var since = await App.LastAuditEventAsync();

        await App.SendAsync<Unit>(await App.PrincipalOfAsync("admin"), new RenamePlace(PlaceLevel.County, kahak.Id, "کهک قم", "Kahak of Qom"));

        var county = await App.ReadAsync(db => db.Counties.AsNoTracking().SingleAsync(c => c.Id == kahak.Id));
        Assert.Equal((kahak.Code, "کهک قم", "Kahak of Qom"), (county.Code, county.NameFa, county.NameEn));
        var audit = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since));
        Assert.Contains("کهک", audit.Before);
    }
}
