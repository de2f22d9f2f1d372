using System.Security.Claims;
using Mediator;
using Salam.Application.Centres.Commands.AssignFacilitator;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Application.Centres.Commands.UpdateCentre;
using Salam.Application.Centres.Queries.GetCentre;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

/// <summary>Every way a centre request can be refused: each gets a clear message and writes nothing.</summary>
public sealed class CentreRefusalTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<TException> RefusedAsync<TException>(string userName, IMessage request) where TException : RequestRefusedException =>
        await RefusedAsync<TException>(await App.PrincipalOfAsync(userName), request);

    private async Task<TException> RefusedAsync<TException>(ClaimsPrincipal user, IMessage request) where TException : RequestRefusedException
    {
        var before = await App.CentresFingerprintAsync();
        var refused = await Assert.ThrowsAsync<TException>(() => App.SendAsync<object>(user, request));
        Assert.Equal(before, await App.CentresFingerprintAsync());
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        return refused;
    }

    [Fact]
    public async Task An_officer_cannot_reach_another_provinces_centres_neighbourhoods_or_facilitators()
    {
        var (qom, mazandaran) = (await App.ProvinceAsync("Qom"), await App.ProvinceAsync("Mazandaran"));
        var (safashahr, sarvineh) = (await App.CentreAsync(DemoCentres.Safashahr), await App.CentreAsync(DemoCentres.SarvinehBagh));
        var (zanbilabad, ghaffari) = (await App.NeighbourhoodAsync("Zanbilabad"), await App.NeighbourhoodAsync("Ghaffari"));
        var (pardisanFacilitator, sariFacilitator) = ((await App.AccountAsync("facilitator.pardisan")).Id, (await App.AccountAsync("facilitator.sari")).Id);

        var scope = await RefusedAsync<ForbiddenException>("officer.qom", new CreateCentre(mazandaran, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, []));
        Assert.Equal("این مورد خارج از حوزهٔ شماست.", scope.Message);
        await RefusedAsync<ForbiddenException>("officer.qom", new CreateCentre(qom, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, [zanbilabad, ghaffari]));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateCentre(sarvineh, "تغییر", "Changed", "", CentreKind.PositiveLife, []));
        await RefusedAsync<ForbiddenException>("officer.qom", new UpdateCentre(safashahr, "مرکز صفاشهر", "Safashahr", "", CentreKind.PositiveLife, [zanbilabad, ghaffari]));
        await RefusedAsync<ForbiddenException>("officer.qom", new AssignFacilitator(sariFacilitator, safashahr));
        await RefusedAsync<ForbiddenException>("officer.qom", new AssignFacilitator(sariFacilitator, null));
        await RefusedAsync<ForbiddenException>("officer.qom", new AssignFacilitator(pardisanFacilitator, sarvineh));
        await RefusedAsync<ForbiddenException>("officer.qom", new GetCentres(mazandaran));
        await RefusedAsync<ForbiddenException>("officer.qom", new GetCentre(sarvineh));
        await RefusedAsync<ForbiddenException>("officer.mazandaran", new UpdateCentre(safashahr, "تغییر", "Changed", "", CentreKind.PositiveLife, []));
    }

    [Fact]
    public async Task Even_the_administrator_cannot_make_a_centre_serve_another_provinces_neighbourhood()
    {
        var safashahr = await App.CentreAsync(DemoCentres.Safashahr);
        var (zanbilabad, ghaffari) = (await App.NeighbourhoodAsync("Zanbilabad"), await App.NeighbourhoodAsync("Ghaffari"));

        var refused = await RefusedAsync<RequestRefusedException>("admin", new UpdateCentre(safashahr, "مرکز صفاشهر", "Safashahr", "", CentreKind.PositiveLife, [zanbilabad, ghaffari]));
        Assert.Contains("استان خودش", refused.Message);
    }

    [Theory]
    [InlineData("officer.mazandaran")]
    [InlineData("agency.qom.welfare")]
    [InlineData("admin")]
    public async Task Only_a_facilitators_account_can_be_assigned_to_a_centre(string userName)
    {
        var (account, safashahr) = ((await App.AccountAsync(userName)).Id, await App.CentreAsync(DemoCentres.Safashahr));
        var refused = await RefusedAsync<RequestRefusedException>("admin", new AssignFacilitator(account, safashahr));
        Assert.Contains("فقط حساب تسهیلگر", refused.Message);
    }

    [Fact]
    public async Task Unknown_ids_are_refused_as_not_found()
    {
        var (qom, safashahr, facilitator) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.Safashahr), (await App.AccountAsync("facilitator.pardisan")).Id);

        await RefusedAsync<NotFoundException>("officer.qom", new CreateCentre(qom, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, [987_654]));
        await RefusedAsync<NotFoundException>("admin", new CreateCentre(987_654, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, []));
        await RefusedAsync<NotFoundException>("officer.qom", new UpdateCentre(987_654, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, []));
        await RefusedAsync<NotFoundException>("officer.qom", new AssignFacilitator(987_654, safashahr));
        var centre = await RefusedAsync<NotFoundException>("officer.qom", new AssignFacilitator(facilitator, 987_654));
        Assert.Contains("مرکز پیدا نشد", centre.Message);
        await RefusedAsync<NotFoundException>("admin", new GetCentre(987_654));
    }

    [Fact]
    public async Task Empty_or_overlong_names_an_overlong_address_and_an_unknown_kind_are_refused_with_every_message()
    {
        var (qom, safashahr) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.Safashahr));
        var tooLong = new string('م', 151);

        var empty = await RefusedAsync<ValidationFailedException>("officer.qom", new CreateCentre(qom, " ", "", "", (CentreKind)42, []));
        Assert.Contains("نام فارسی و انگلیسی مرکز را وارد کنید.", empty.Errors[nameof(CreateCentre.NameFa)]);
        Assert.Contains("نام فارسی و انگلیسی مرکز را وارد کنید.", empty.Errors[nameof(CreateCentre.NameEn)]);
        Assert.Contains("نوع مرکز معتبر نیست.", empty.Errors[nameof(CreateCentre.Kind)]);

        var overlong = await RefusedAsync<ValidationFailedException>("officer.qom", new UpdateCentre(safashahr, tooLong, "Safashahr", new string('x', 301), CentreKind.PositiveLife, []));
        Assert.Contains(Text.Get("Centre.NameTooLong", 150), overlong.Errors[nameof(UpdateCentre.NameFa)]);
        Assert.Contains(Text.Get("Centre.AddressTooLong", 300), overlong.Errors[nameof(UpdateCentre.Address)]);
        Assert.StartsWith("نشانی حداکثر", overlong.Errors[nameof(UpdateCentre.Address)].Single());

        var tooMany = await RefusedAsync<ValidationFailedException>("officer.qom", new UpdateCentre(safashahr, "مرکز صفاشهر", "Safashahr", "", CentreKind.PositiveLife, [.. Enumerable.Range(1, 201)]));
        Assert.Contains(Text.Get("Centre.TooManyNeighbourhoods", 200), tooMany.Errors[nameof(UpdateCentre.NeighbourhoodIds)]);
    }

    [Fact]
    public async Task The_messages_are_in_english_for_an_english_reader()
    {
        var qom = await App.ProvinceAsync("Qom");
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var refused = await RefusedAsync<ValidationFailedException>("officer.qom", new CreateCentre(qom, "", "", "", (CentreKind)42, []));
            Assert.Contains("The kind of centre is not valid.", refused.Message);
            Assert.Contains("Enter the centre's Persian and English names.", refused.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    public static TheoryData<string> OtherRoles => ["facilitator.pardisan", "ministry", "agency.qom.welfare", "resident"];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Other_roles_are_refused_every_centre_request(string who)
    {
        var user = who == "resident" ? await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile) : await App.PrincipalOfAsync(who);
        var (qom, pardisan, facilitator) = (await App.ProvinceAsync("Qom"), await App.CentreAsync(DemoCentres.Pardisan), (await App.AccountAsync("facilitator.pardisan")).Id);
        var shahrakQods = await App.NeighbourhoodAsync("Shahrak-e Qods");

        await RefusedAsync<ForbiddenException>(user, new GetCentres());
        await RefusedAsync<ForbiddenException>(user, new GetCentre(pardisan));
        await RefusedAsync<ForbiddenException>(user, new CreateCentre(qom, "مرکز تازه", "New centre", "", CentreKind.PositiveLife, [shahrakQods]));
        await RefusedAsync<ForbiddenException>(user, new UpdateCentre(pardisan, "مرکز پردیسان", "Pardisan", "", CentreKind.PositiveLife, []));
        await RefusedAsync<ForbiddenException>(user, new AssignFacilitator(facilitator, null));
    }
}
