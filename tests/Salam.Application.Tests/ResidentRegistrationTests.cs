using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Residents.Commands.RegisterResident;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A facilitator registers a resident: valid input, their own centre's neighbourhoods, unique national id and mobile.</summary>
public sealed class ResidentRegistrationTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<int> RegisterAsync(string person, RegisterResident command) => await App.SendAsync<int>(await App.PrincipalOfAsync(person), command);

    [Fact]
    public async Task A_facilitator_registers_a_confirmed_resident_typed_with_persian_digits_and_the_audit_log_records_it()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var (mobile, nationalId) = (ResidentTestData.NewMobile(), ResidentTestData.NewNationalId());

        var id = await RegisterAsync("facilitator.pardisan", new RegisterResident(pardisan, "  مریم احمدی  ", Digits.ToPersian(mobile), Digits.ToPersian(nationalId)));

        var stored = await App.ReadAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("مریم احمدی", mobile, nationalId, pardisan, ResidentStatus.Confirmed), (stored.FullName, stored.Mobile, stored.NationalId, stored.NeighbourhoodId, stored.Status));
        Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(e => e.SubjectId == id && e.Kind == "Resident" && e.Action == Domain.Audit.AuditAction.Created)));
    }

    [Fact]
    public async Task A_provincial_officer_registers_a_resident_of_their_province()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var id = await RegisterAsync("officer.qom", new RegisterResident(pardisan, "رضا کریمی", ResidentTestData.NewMobile(), ResidentTestData.NewNationalId()));
        Assert.True(id > 0);
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("officer.qom")]
    public async Task Registering_in_a_neighbourhood_outside_ones_scope_is_refused_and_writes_nothing(string person)
    {
        var (mazandaran, _) = await App.MazandaranAsync();
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            RegisterAsync(person, new RegisterResident(mazandaran, "بیرون از حوزه", ResidentTestData.NewMobile(), ResidentTestData.NewNationalId())));

        Assert.Equal(Text.Get("Forbidden.Scope"), refused.Message);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task A_taken_national_id_is_refused_naming_the_national_id_and_writes_nothing()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var taken = await App.ReadAsync(db => db.Residents.Where(r => r.NationalId != null).Select(r => r.NationalId!).FirstAsync());
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            RegisterAsync("facilitator.pardisan", new RegisterResident(pardisan, "تکراری", ResidentTestData.NewMobile(), taken)));

        Assert.Equal([Text.Get("Resident.NationalIdTaken")], refused.Errors["NationalId"]);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task A_taken_mobile_is_refused_naming_the_mobile_and_writes_nothing()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            RegisterAsync("facilitator.pardisan", new RegisterResident(pardisan, "تکراری", "۰۹۱۲۰۰۰۰۰۰۱", ResidentTestData.NewNationalId())));

        Assert.Equal([Text.Get("Resident.AlreadyRegistered")], refused.Errors["Mobile"]);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task Two_registrations_of_one_person_at_once_store_one_and_refuse_the_other_by_name()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var (mobile, nationalId) = (ResidentTestData.NewMobile(), ResidentTestData.NewNationalId());
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try { return (Id: await App.SendAsync<int>(facilitator, new RegisterResident(pardisan, "همزمان", mobile, nationalId)), Error: (string?)null); }
            catch (ValidationFailedException refused) { return (Id: 0, Error: refused.Errors.Values.Single().Single()); }
        }));

        Assert.Single(attempts, a => a.Id > 0);
        Assert.All(attempts.Where(a => a.Id == 0), a => Assert.Equal(Text.Get("Resident.NationalIdTaken"), a.Error));
        Assert.Equal(1, await App.ReadAsync(db => db.Residents.CountAsync(r => r.Mobile == mobile)));
    }

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        { "", "0938", "n", "FullName", "Resident.NameRequired" },
        { new string('ن', Resident.NameMaxLength + 1), "0938", "n", "FullName", "Residents.NameTooLong" },
        { "نام", "0912345", "n", "Mobile", "Mobile.Invalid" },
        { "نام", "0938", "0084575941", "NationalId", "NationalId.Invalid" }, // wrong check digit
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_its_message_and_writes_nothing(string name, string mobile, string nationalId, string field, string key)
    {
        var (pardisan, _) = await App.PardisanAsync();
        mobile = mobile == "0938" ? ResidentTestData.NewMobile() : mobile;
        nationalId = nationalId == "n" ? ResidentTestData.NewNationalId() : nationalId;
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            RegisterAsync("facilitator.pardisan", new RegisterResident(pardisan, name, mobile, nationalId)));

        Assert.Equal([Text.Get(key, Resident.NameMaxLength)], refused.Errors[field]);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task A_deactivated_neighbourhood_takes_no_new_resident()
    {
        var (pardisan, _) = await App.PardisanAsync();
        await App.ReadAsync(async db => { (await db.Neighbourhoods.SingleAsync(n => n.Id == pardisan)).Deactivate(); return await db.SaveChangesAsync(); });
        try
        {
            var before = await App.ResidentsFingerprintAsync();
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(() =>
                RegisterAsync("facilitator.pardisan", new RegisterResident(pardisan, "نام", ResidentTestData.NewMobile(), ResidentTestData.NewNationalId())));
            Assert.Equal(Text.Get("Residents.NeighbourhoodInactive"), refused.Message);
            Assert.Equal(before, await App.ResidentsFingerprintAsync());
        }
        finally
        {
            await App.ReadAsync(async db => { (await db.Neighbourhoods.SingleAsync(n => n.Id == pardisan)).Reactivate(); return await db.SaveChangesAsync(); });
        }
    }
}
