using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Geography.Commands.ImportGeography;
using Salam.Application.Geography.Common;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Files refused as a whole (encoding, malformed rows, limits, the wrong role) and a save that fails half-way: nothing is written.</summary>
public sealed class GeographyFileRefusalTests(GeographyFileRefusalTests.Country country) : IClassFixture<GeographyFileRefusalTests.Country>
{
    private TestApp App => country.App;

    /// <summary>The demo country, with a fault a test can arm to fail the insert of neighbourhoods.</summary>
    public sealed class Country : IAsyncLifetime
    {
        public FailingNeighbourhoodInsert Fault { get; } = new();
        public TestApp App { get; private set; } = default!;

        public async Task InitializeAsync() =>
            App = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(Fault));

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private async Task<TException> RefusedAsync<TException>(byte[] file, string userName = "admin") where TException : RequestRefusedException
    {
        var before = await App.GeographyFingerprintAsync();
        var user = await App.PrincipalOfAsync(userName);
        var refused = await Assert.ThrowsAsync<TException>(() => App.SendAsync<GeographyImportReport>(user, new ApplyGeographyImport(file)));
        await Assert.ThrowsAsync<TException>(() => App.SendAsync<GeographyImportReport>(user, new PreviewGeographyImport(file)));
        Assert.Equal(before, await App.GeographyFingerprintAsync());
        return refused;
    }

    [Fact]
    public async Task A_file_saved_as_windows_1256_is_refused_as_bad_encoding()
    {
        // «خوزستان» as Windows-1256 writes it: bytes that are not UTF-8.
        var windows1256 = new byte[] { 0xCE, 0xE6, 0xD2, 0xD3, 0xCA, 0xC7, 0xE4 };
        var file = Encoding.ASCII.GetBytes($"{GeographyFiles.Header}\nprovince,KHZ,,").Concat(windows1256).Concat(Encoding.ASCII.GetBytes(",Khuzestan\n")).ToArray();

        var refused = await RefusedAsync<ValidationFailedException>(file);
        Assert.Equal(Text.Get("Import.Encoding"), Assert.Single(refused.Errors["File"]));
    }

    [Fact]
    public async Task A_row_with_an_unclosed_quote_refuses_the_file_with_its_line()
    {
        var file = GeographyFiles.File("province,KHZ,,خوزستان,Khuzestan", "county,KHZ-01,KHZ,\"اهواز,Ahvaz", "county,KHZ-02,KHZ,دزفول,Dezful");

        var refused = await RefusedAsync<ValidationFailedException>(file);
        Assert.Equal(Text.Get("Import.UnclosedQuote", 3), Assert.Single(refused.Errors["File"]));
    }

    [Theory]
    [InlineData("code,name\nKHZ,خوزستان\n", "Import.Columns")]
    [InlineData("level,code,parent_code,name_fa,name_en\n", "Import.Empty")]
    [InlineData("level,code,parent_code,name_fa,name_en\nprovince,KHZ,,خوزستان\n", "Import.FieldCount")]
    public async Task A_file_with_wrong_columns_no_rows_or_a_short_row_is_refused(string csv, string key)
    {
        var refused = await RefusedAsync<ValidationFailedException>(GeographyFiles.Utf8(csv));
        Assert.StartsWith(Text.Get(key, 2, 5).Split('{')[0][..10], Assert.Single(refused.Errors["File"]));
    }

    [Fact]
    public async Task A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        // Well-formed rows, few enough for the row limit, with names long enough to pass 10 MB.
        var text = new StringBuilder(GeographyFiles.Header + "\n");
        for (var i = 0; i * 200 <= GeographyCsv.MaxBytes; i++) text.Append($"province,P{i},,{new string('ن', 95)},x\n"); // over 200 bytes a row
        var file = GeographyFiles.Utf8(text.ToString());
        Assert.True(file.Length > GeographyCsv.MaxBytes);

        var refused = await RefusedAsync<ValidationFailedException>(file);
        Assert.Equal(Text.Get("Import.TooLarge", GeographyCsv.MaxBytes / (1024 * 1024)), Assert.Single(refused.Errors["File"]));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused()
    {
        var text = new StringBuilder(GeographyFiles.Header + "\n");
        for (var i = 0; i <= GeographyCsv.MaxRows; i++) text.Append("province,P").Append(i).Append(",,ن,x\n");
        var file = GeographyFiles.Utf8(text.ToString());
        Assert.True(file.Length <= GeographyCsv.MaxBytes);

        var refused = await RefusedAsync<ValidationFailedException>(file);
        Assert.Equal(Text.Get("Import.TooManyRows", GeographyCsv.MaxRows), Assert.Single(refused.Errors["File"]));
    }

    [Theory]
    [InlineData("officer.qom")]
    [InlineData("ministry")]
    public async Task Only_the_administrator_imports_geography(string userName) =>
        await RefusedAsync<ForbiddenException>(GeographyFiles.File("province,KHZ,,خوزستان,Khuzestan"), userName);

    [Fact]
    public async Task A_save_that_fails_half_way_leaves_no_province_county_neighbourhood_or_audit_event_behind()
    {
        var file = GeographyFiles.File("province,KHZ,,خوزستان,Khuzestan", "county,KHZ-01,KHZ,اهواز,Ahvaz", "neighbourhood,KHZ-01-001,KHZ-01,کیانپارس,Kianpars",
            "neighbourhood,QOM-01-002,QOM-01,شهرک قدس نو,Shahrak-e Qods Now");
        var before = await App.GeographyFingerprintAsync();
        var admin = await App.PrincipalOfAsync("admin");

        country.Fault.Armed = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => App.SendAsync<GeographyImportReport>(admin, new ApplyGeographyImport(file)));
        }
        finally
        {
            country.Fault.Armed = false;
        }
        Assert.True(country.Fault.Failed);
        Assert.Equal(before, await App.GeographyFingerprintAsync());
    }

    /// <summary>Fails the statement that inserts neighbourhoods, after the provinces and counties of the same save went in.</summary>
    public sealed class FailingNeighbourhoodInsert : DbCommandInterceptor
    {
        public volatile bool Armed;
        public volatile bool Failed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Neighbourhoods\"", StringComparison.Ordinal))
            {
                Failed = true;
                throw new InvalidOperationException("Injected failure while inserting neighbourhoods");
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
