using System.Text;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Residents.Commands.ImportResidents;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Bulk registration from CSV: every row judged with its reason, then the accepted ones saved together.</summary>
public sealed class ResidentImportTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<ResidentImportReport> ImportAsync(string csv, bool apply, string person = "facilitator.pardisan") =>
        await App.SendAsync<ResidentImportReport>(await App.PrincipalOfAsync(person), new ImportResidents(Encoding.UTF8.GetBytes(csv), apply));

    [Fact]
    public async Task A_preview_judges_every_row_and_writes_nothing_then_apply_registers_the_accepted_rows_confirmed()
    {
        var (_, pardisan) = await App.PardisanAsync();
        var (_, mazandaran) = await App.MazandaranAsync();
        var (m1, m2, m3) = (ResidentTestData.NewMobile(), ResidentTestData.NewMobile(), ResidentTestData.NewMobile());
        var (n1, n2) = (ResidentTestData.NewNationalId(), ResidentTestData.NewNationalId());
        var takenId = await App.ReadAsync(db => db.Residents.Where(r => r.NationalId != null).Select(r => r.NationalId!).FirstAsync());
        var csv = $"""
            full_name,mobile,national_id,neighbourhood_code
            زهرا رضایی,{Digits.ToPersian(m1)},{Digits.ToPersian(n1)},{pardisan}
            ناشناس,{m2},{ResidentTestData.NewNationalId()},NO-SUCH-CODE
            بیرون,{m2},{ResidentTestData.NewNationalId()},{mazandaran}
            بد,0912,{ResidentTestData.NewNationalId()},{pardisan}
            رقم کنترل,{m2},0084575941,{pardisan}
            تکرار در پرونده,{m2},{n1},{pardisan}
            شمارهٔ تکراری,{m1},{n2},{pardisan}
            ثبت شده,{m3},{takenId},{pardisan}
            همراه ثبت شده,09120000001,{n2},{pardisan}
             ,{m3},{n2},{pardisan}
            """;
        var before = await App.ResidentsFingerprintAsync();

        var preview = await ImportAsync(csv, apply: false);

        Assert.False(preview.Applied);
        Assert.Equal(Enumerable.Range(2, 10), preview.Rows.Select(r => r.Line));
        Assert.Equal(new string?[]
        {
            null,
            Text.Get("Residents.UnknownNeighbourhoodCode", "NO-SUCH-CODE"),
            Text.Get("Residents.NeighbourhoodOutsideScope", mazandaran),
            Text.Get("Mobile.Invalid"),
            Text.Get("NationalId.Invalid"),
            Text.Get("Residents.NationalIdTwiceInFile", 2),
            Text.Get("Residents.MobileTwiceInFile", 2),
            Text.Get("Resident.NationalIdTaken"),
            Text.Get("Resident.AlreadyRegistered"),
            Text.Get("Resident.NameRequired"),
        }, preview.Rows.Select(r => r.Reason));
        Assert.Equal(before, await App.ResidentsFingerprintAsync());

        var applied = await ImportAsync(csv, apply: true);

        Assert.True(applied.Applied);
        var stored = await App.ReadAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Mobile == m1));
        Assert.Equal(("زهرا رضایی", n1, ResidentStatus.Confirmed), (stored.FullName, stored.NationalId, stored.Status));
        Assert.Equal(0, await App.ReadAsync(db => db.Residents.CountAsync(r => r.Mobile == m2 || r.Mobile == m3)));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "full_name,mobile,national_id,neighbourhood_code\nعلی,09381111111,\"0084575948,X\n", "Import.UnclosedQuote" },
        { "full_name,mobile,national_id,neighbourhood_code\nعلی,09381111111,0084575948\n", "Import.FieldCount" },
        { "name,phone\nعلی,09381111111\n", "Import.Columns" },
        { "full_name,mobile,national_id,neighbourhood_code\n", "Import.Empty" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_file_is_refused_whole_and_writes_nothing(string csv, string key)
    {
        var before = await App.ResidentsFingerprintAsync();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(csv, apply: true));
        var expected = key switch
        {
            "Import.UnclosedQuote" => Text.Get(key, 2),
            "Import.FieldCount" => Text.Get(key, 2, 4),
            "Import.Columns" => Text.Get(key, string.Join(", ", ResidentCsv.Columns)),
            _ => Text.Get(key),
        };
        Assert.Equal(expected, refused.Errors["File"].Single());
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_read_and_writes_nothing()
    {
        var before = await App.ResidentsFingerprintAsync();
        var file = new byte[ResidentCsv.MaxBytes + 1];
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<ResidentImportReport>(await App.PrincipalOfAsync("facilitator.pardisan"), new ImportResidents(file, true)));
        Assert.Equal(Text.Get("Import.TooLarge", ResidentCsv.MaxBytes / (1024 * 1024)), refused.Errors["File"].Single());
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task A_file_with_too_many_rows_is_refused_and_writes_nothing()
    {
        var (_, pardisan) = await App.PardisanAsync();
        var csv = new StringBuilder("full_name,mobile,national_id,neighbourhood_code\n");
        for (var i = 0; i <= ResidentCsv.MaxRows; i++) csv.Append("n,0,0,").Append(pardisan).Append('\n');
        var before = await App.ResidentsFingerprintAsync();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(csv.ToString(), apply: true));
        Assert.Equal(Text.Get("Import.TooManyRows", ResidentCsv.MaxRows), refused.Errors["File"].Single());
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task An_agency_manager_may_not_import_residents()
    {
        var before = await App.ResidentsFingerprintAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => ImportAsync("full_name,mobile,national_id,neighbourhood_code\nx,09381234567,0084575948,x\n", true, "agency.qom.welfare"));
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }
}
