using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Localization;
using Salam.Application.Geography.Commands.ImportGeography;
using Salam.Application.Geography.Common;
using Salam.Domain.Audit;
using Salam.Domain.Geography;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>The administrator's geography import on the demo country: preview marks every row, apply saves the accepted ones once.</summary>
public sealed class GeographyImportTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<GeographyImportReport> PreviewAsync(byte[] file) => await _app.SendAsync<GeographyImportReport>(await _app.PrincipalOfAsync("admin"), new PreviewGeographyImport(file));

    private async Task<GeographyImportReport> ApplyAsync(byte[] file) => await _app.SendAsync<GeographyImportReport>(await _app.PrincipalOfAsync("admin"), new ApplyGeographyImport(file));

    /// <summary>One row for each way a row is accepted or refused, on the demo country (QOM, QOM-01, QOM-01-001 Pardisan …).</summary>
    private static readonly (string Row, GeographyRowOutcome Outcome, string? Reason)[] Rows =
    [
        ("province,KHZ,,خوزستان,Khuzestan", GeographyRowOutcome.New, null),
        ("county,KHZ-۰۱,KHZ,اهواز,Ahvaz", GeographyRowOutcome.New, null), // Persian digits in a code are Latin ones
        ("neighbourhood,KHZ-01-001,KHZ-01,کیانپارس,", GeographyRowOutcome.New, null), // Persian only
        ("neighbourhood,QOM-01-900,QOM-01,محلهٔ تازه,New quarter", GeographyRowOutcome.New, null), // under an existing county
        ("neighbourhood,QOM-01-002,QOM-01,شهرک قدس نو,Shahrak-e Qods Now", GeographyRowOutcome.Rename, null),
        ("neighbourhood,QOM-01-001,QOM-01,پردیسان,Pardisan", GeographyRowOutcome.Unchanged, null),
        ("neighbourhood,KHZ-01-002,KHZ-99,جایی,Somewhere", GeographyRowOutcome.Refused, "Geography.UnknownParent"),
        ("neighbourhood,KHZ-01-001,KHZ-01,دوباره,Again", GeographyRowOutcome.Refused, "Geography.DuplicateInFile"),
        ("county,QOM-01-003,QOM,شهرستان,County", GeographyRowOutcome.Refused, "Geography.CodeAtAnotherLevel"),
        ("neighbourhood,KHZ-01-003,KHZ,جایی,Somewhere", GeographyRowOutcome.Refused, "Geography.WrongLevelOrder"),
        ("neighbourhood,QOM-01-004,QOM-02,سالاریه,Salariyeh", GeographyRowOutcome.Refused, "Geography.ParentChanges"),
        ("neighbourhood,,QOM-01,بی‌کد,No code", GeographyRowOutcome.Refused, "Geography.CodeRequired"),
        ("neighbourhood,QOM-01-901,QOM-01,,No Persian", GeographyRowOutcome.Refused, "Geography.NameRequired"),
        ($"neighbourhood,{new string('C', Place.CodeMaxLength + 1)},QOM-01,بلند,Long", GeographyRowOutcome.Refused, "Geography.CodeTooLong"),
        ($"neighbourhood,QOM-01-902,QOM-01,{new string('ن', Place.NameMaxLength + 1)},Long", GeographyRowOutcome.Refused, "Geography.NameTooLong"),
        ("village,QOM-01-903,QOM-01,روستا,Village", GeographyRowOutcome.Refused, "Geography.UnknownLevel"),
        ("province,TEH2,QOM,تهران,Tehran", GeographyRowOutcome.Refused, "Geography.ProvinceHasNoParent"),
        ("county,BAD-01,,شهرستان,County", GeographyRowOutcome.Refused, "Geography.ParentRequired"),
        ("neighbourhood,BAD-01-001,BAD-01,محله,Quarter", GeographyRowOutcome.Refused, "Geography.ParentRefused"),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_preview_marks_every_row_with_its_outcome_or_reason_and_writes_nothing(bool bom)
    {
        var before = await _app.GeographyFingerprintAsync();
        var file = GeographyFiles.Utf8(string.Join("\r\n", [GeographyFiles.Header, .. Rows.Select(r => r.Row)]), bom);

        var report = await PreviewAsync(file);

        Assert.Equal(Rows.Select(r => r.Outcome), report.Rows.Select(r => r.Outcome));
        Assert.Equal(Enumerable.Range(2, Rows.Length), report.Rows.Select(r => r.Line));
        foreach (var (expected, row) in Rows.Zip(report.Rows))
        {
            if (expected.Reason is null) Assert.Null(row.Reason);
            else Assert.Matches(ReasonPattern(expected.Reason), row.Reason);
        }
        Assert.Equal("KHZ-01", report.Rows[1].Code);
        Assert.Equal(("کیانپارس", "کیانپارس"), (report.Rows[2].NameFa, report.Rows[2].NameEn));
        Assert.Equal((4, 1, 1, 13), (report.New, report.Renamed, report.Unchanged, report.Refused));
        Assert.False(report.Applied);
        Assert.Equal(before, await _app.GeographyFingerprintAsync());
    }

    /// <summary>The translated message of a key, whatever its arguments.</summary>
    private static string ReasonPattern(string key) =>
        "^" + string.Join(".+", Text.Get(key, "\u0001", "\u0001", "\u0001").Split('\u0001').Select(Regex.Escape)) + "$";

    [Fact]
    public async Task Apply_saves_the_accepted_rows_under_their_parents_with_an_audit_event_each_and_the_same_file_again_changes_nothing()
    {
        var since = await _app.LastAuditEventAsync();
        var file = GeographyFiles.Utf8(string.Join('\n', [GeographyFiles.Header, .. Rows.Select(r => r.Row)]));

        var applied = await ApplyAsync(file);

        Assert.True(applied.Applied);
        var (khuzestan, ahvaz, kianpars, fresh, qods) = await _app.ReadAsync(async db => (
            await db.Provinces.SingleAsync(p => p.Code == "KHZ"), await db.Counties.SingleAsync(c => c.Code == "KHZ-01"),
            await db.Neighbourhoods.SingleAsync(n => n.Code == "KHZ-01-001"), await db.Neighbourhoods.Include(n => n.County).SingleAsync(n => n.Code == "QOM-01-900"),
            await db.Neighbourhoods.SingleAsync(n => n.Code == "QOM-01-002")));
        Assert.Equal((khuzestan.Id, ahvaz.Id), (ahvaz.ProvinceId, kianpars.CountyId));
        Assert.Equal(("کیانپارس", "کیانپارس"), (kianpars.NameFa, kianpars.NameEn));
        Assert.Equal("QOM-01", fresh.County!.Code);
        Assert.Equal(("شهرک قدس نو", "Shahrak-e Qods Now"), (qods.NameFa, qods.NameEn));
        Assert.False(await _app.ReadAsync(db => db.Neighbourhoods.AnyAsync(n => n.Code == "KHZ-01-002" || n.Code == "QOM-01-903" || n.Code == "BAD-01-001")));

        var events = await _app.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > since).ToListAsync());
        Assert.Equal(4, events.Count(e => e.Action == AuditAction.Created));
        var renamed = Assert.Single(events, e => e.Action == AuditAction.Changed);
        Assert.Equal(("Neighbourhood", qods.Id), (renamed.Kind, renamed.SubjectId));
        Assert.Contains("شهرک قدس", renamed.Before);

        var after = await _app.GeographyFingerprintAsync();
        var again = await ApplyAsync(file);
        Assert.False(again.Applied);
        Assert.Equal((0, 0, 6), (again.New, again.Renamed, again.Unchanged));
        Assert.Equal(after, await _app.GeographyFingerprintAsync()); // nothing duplicated, and no audit events
    }

    [Fact]
    public async Task A_changed_name_updates_the_place_with_that_code_and_keeps_its_id()
    {
        var before = await _app.ReadAsync(db => db.Provinces.AsNoTracking().SingleAsync(p => p.Code == "QOM"));

        await ApplyAsync(GeographyFiles.File("province,QOM,,استان قم,Qom Province"));

        var after = await _app.ReadAsync(db => db.Provinces.AsNoTracking().SingleAsync(p => p.Code == "QOM"));
        Assert.Equal((before.Id, "استان قم", "Qom Province"), (after.Id, after.NameFa, after.NameEn));
        Assert.Equal(1, await _app.ReadAsync(db => db.Provinces.CountAsync(p => p.Code == "QOM")));
    }
}
