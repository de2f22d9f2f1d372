using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Duties.Commands.FlagOverdueDuties;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Application.Duties.Queries.GetAgencyNotifications;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Bulk updates from CSV and the overdue job; each test on a fresh demo database of its own.</summary>
public sealed class DutyImportTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<Duty>> WelfareDutiesAsync(DutyStatus status) =>
        [await WelfareDuties.NewAsync(_app, status), await WelfareDuties.NewAsync(_app, status)];

    private async Task<ImportReport> ImportAsync(byte[] file, bool apply) =>
        await _app.SendAsync<ImportReport>(await _app.PrincipalOfAsync("agency.qom.welfare"), new ImportDutyUpdates(file, apply));

    private Task<string> FingerprintAsync() => _app.ReadAsync(async db => string.Join('|', await db.DutyUpdates.CountAsync(),
        string.Join(',', await db.Duties.OrderBy(d => d.Id).Select(d => d.Version).ToListAsync())));

    private static byte[] Utf8(string text, bool bom) => (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_preview_marks_each_row_and_writes_nothing_then_apply_saves_the_accepted_rows_with_persian_notes_intact(bool bom)
    {
        var assigned = await WelfareDutiesAsync(DutyStatus.Assigned);
        var foreign = await _app.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn != WelfareDuties.Agency).Select(d => d.Id).FirstAsync());
        var note = "پذیرفته شد؛ کارشناس «مهندس رضایی» مسئول است.";
        var csv = $"""
            duty_id,status,percent,note
            {assigned[0].Id},Accepted,0,"{note}"
            999999,Accepted,0,x
            {foreign},Accepted,0,x
            {assigned[0].Id},Teleported,0,x
            {assigned[0].Id},InProgress,150,x
            """;
        var before = await FingerprintAsync();

        var preview = await ImportAsync(Utf8(csv, bom), apply: false);
        Assert.Equal([true, false, false, false, false], preview.Rows.Select(r => r.Accepted));
        Assert.Equal(preview.Rows[1].Reason, preview.Rows[2].Reason); // another agency's id reads like an unknown one
        Assert.Equal(before, await FingerprintAsync());

        var applied = await ImportAsync(Utf8(csv, bom), apply: true);
        Assert.True(applied.Applied);
        var stored = await _app.ReadAsync(db => db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == assigned[0].Id));
        Assert.Equal(DutyStatus.Accepted, stored.Status);
        Assert.Equal(note, stored.Updates.OrderBy(u => u.Id).Last().Note);
    }

    [Fact]
    public async Task A_row_whose_note_is_longer_than_the_limit_is_refused_with_its_line_and_the_other_rows_still_apply()
    {
        var assigned = await WelfareDutiesAsync(DutyStatus.Assigned);
        var csv = $"duty_id,status,percent,note\n{assigned[0].Id},Accepted,0,کوتاه\n{assigned[1].Id},Accepted,0,{new string('ی', Duty.MaxNoteLength + 1)}\n";
        var before = await _app.ReadAsync(db => db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == assigned[1].Id));

        var preview = await ImportAsync(Utf8(csv, bom: false), apply: false);
        var refused = preview.Rows.Single(r => !r.Accepted);
        Assert.Equal(3, refused.Line);
        Assert.Equal(Common.Localization.Text.Get("Duty.NoteTooLong", Duty.MaxNoteLength), refused.Reason);

        Assert.True((await ImportAsync(Utf8(csv, bom: false), apply: true)).Applied);
        var after = await _app.ReadAsync(db => db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == assigned[1].Id));
        Assert.Equal((DutyStatus.Assigned, before.Version, before.Updates.Count), (after.Status, after.Version, after.Updates.Count));
        Assert.Equal(DutyStatus.Accepted, await _app.ReadAsync(db => db.Duties.Where(d => d.Id == assigned[0].Id).Select(d => d.Status).SingleAsync()));
    }

    /// <summary>Each file starts with a good row (line 2) that a lenient reader would apply; {a}, {b}, {c} are duty ids.</summary>
    [Theory]
    [InlineData("{a},Accepted,0,ok\n{b},Accepted,0,\"a quote opened here\n{c},Accepted,0,\"\n", "Import.UnclosedQuote", 3)] // swallows line 4 into a note
    [InlineData("{a},Accepted,0,ok\n{b},Accepted,0,\"never closed\n{c},Accepted,0,x\n", "Import.UnclosedQuote", 3)]
    [InlineData("{a},Accepted,0,ok\n{b},Accepted,0,so-called \"fix\"\n", "Import.StrayQuote", 3)]
    [InlineData("{a},Accepted,0,ok\n{b},Accepted,0\n", "Import.FieldCount", 3)]
    [InlineData("{a},Accepted,0,ok\n\n{b},Accepted,0,x,extra\n{c},Accepted,0,x\n", "Import.FieldCount", 4)]
    public async Task A_malformed_row_refuses_the_whole_file_with_its_line_and_nothing_is_written(string rows, string message, int line)
    {
        var duties = (await WelfareDutiesAsync(DutyStatus.Assigned)).Concat(await WelfareDutiesAsync(DutyStatus.Assigned)).ToList();
        var csv = "duty_id,status,percent,note\n" + rows.Replace("{a}", $"{duties[0].Id}").Replace("{b}", $"{duties[1].Id}").Replace("{c}", $"{duties[2].Id}");
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(Utf8(csv, bom: true), apply: true));

        var expected = message == "Import.FieldCount" ? Common.Localization.Text.Get(message, line, DutyCsv.Columns.Length) : Common.Localization.Text.Get(message, line);
        Assert.Equal(expected, Assert.Single(refused.Errors["File"]));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_file_over_the_byte_limit_is_refused_before_it_is_read_and_nothing_is_written()
    {
        var duty = (await WelfareDutiesAsync(DutyStatus.Assigned))[0];
        // A good first row, then refused rows (unknown ids) whose notes carry the file past the limit, within the row limit.
        var text = new StringBuilder($"duty_id,status,percent,note\n{duty.Id},Accepted,0,ok\n");
        while (text.Length <= DutyCsv.MaxBytes) text.Append("999999,Accepted,0,").Append('x', 900).Append('\n');
        var file = Utf8(text.ToString(), bom: false);
        Assert.True(file.Length > DutyCsv.MaxBytes && text.ToString().Count(c => c == '\n') < DutyCsv.MaxRows);
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(file, apply: true));

        Assert.Equal(Common.Localization.Text.Get("Import.TooLarge", DutyCsv.MaxBytes / (1024 * 1024)), Assert.Single(refused.Errors["File"]));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_and_nothing_is_written()
    {
        var duty = (await WelfareDutiesAsync(DutyStatus.Assigned))[0];
        var text = new StringBuilder($"duty_id,status,percent,note\n{duty.Id},Accepted,0,ok\n");
        for (var i = 1; i < DutyCsv.MaxRows + 1; i++) text.Append("999999,Accepted,0,x\n");
        var file = Utf8(text.ToString(), bom: false);
        Assert.True(file.Length <= DutyCsv.MaxBytes);
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(file, apply: true));

        Assert.Equal(Common.Localization.Text.Get("Import.TooManyRows", DutyCsv.MaxRows), Assert.Single(refused.Errors["File"]));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_as_a_whole()
    {
        var duty = (await WelfareDutiesAsync(DutyStatus.Assigned))[0];
        var windows1256 = new byte[] { 0xC7, 0xE1, 0xE3, 0xE5 }; // «الله»-like bytes in Windows-1256: invalid as UTF-8
        var file = Encoding.ASCII.GetBytes($"duty_id,status,percent,note\n{duty.Id},Accepted,0,").Concat(windows1256).ToArray();
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(file, apply: true));
        Assert.Contains("UTF-8", refused.Message);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("id,state,progress\n1,Accepted,0", "ستون‌ها")]
    [InlineData("duty_id,status,percent,note\n", "هیچ سطری")]
    public async Task A_file_with_wrong_columns_or_no_rows_is_refused(string csv, string message)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(Utf8(csv, bom: false), apply: true));
        Assert.Contains(message, refused.Message);
    }

    /// <summary>The Persian sheet names statuses as the screens do; the English one in English; older sheets by code name.</summary>
    [Theory]
    [InlineData("در حال انجام", "۴۰")]
    [InlineData("درحال انجام", "40")] // the half-space or space typed differently
    [InlineData("In progress", "۴۰٪")]
    [InlineData("in progress", "40")]
    [InlineData("InProgress", "40")]
    public async Task A_status_is_read_by_its_persian_or_english_name_and_persian_digits_as_the_percent(string status, string percent)
    {
        var accepted = await WelfareDutiesAsync(DutyStatus.Accepted);
        var csv = $"duty_id,status,percent,note\n{Digits.ToPersian(accepted[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))},{status},{percent},\n";

        var report = await ImportAsync(Utf8(csv, bom: true), apply: true);

        Assert.True(report.Applied, report.Rows[0].Reason);
        var stored = await _app.ReadAsync(db => db.Duties.Where(d => d.Id == accepted[0].Id).Select(d => new { d.Status, d.PercentComplete }).SingleAsync());
        Assert.Equal((DutyStatus.InProgress, 40), (stored.Status, stored.PercentComplete));
    }

    [Fact]
    public async Task Arabic_letters_and_a_space_for_the_half_space_still_name_the_persian_status()
    {
        var assigned = await WelfareDutiesAsync(DutyStatus.Assigned);
        var csv = $"duty_id,status,percent,note\n{assigned[0].Id},پذيرفته شده,0,\n"; // Arabic yeh, a space for the half-space

        Assert.True((await ImportAsync(Utf8(csv, bom: false), apply: true)).Applied);
        Assert.Equal(DutyStatus.Accepted, await _app.ReadAsync(db => db.Duties.Where(d => d.Id == assigned[0].Id).Select(d => d.Status).SingleAsync()));
    }

    /// <summary>An unknown name (a number is not a name) is refused on its own line, saying which names to write, and nothing is written.</summary>
    [Theory]
    [InlineData("fa-IR", "Teleported", "در سطر ۳", "در حال انجام")]
    [InlineData("fa-IR", "2", "در سطر ۳", "انجام‌شده")]
    [InlineData("en-US", "نیمه‌کاره", "on line 3", "In progress")]
    public async Task An_unknown_status_is_refused_naming_its_line_and_the_names_to_use_and_nothing_is_written(string culture, string status, string line, string offered)
    {
        var accepted = await WelfareDutiesAsync(DutyStatus.Accepted);
        var csv = $"duty_id,status,percent,note\n{accepted[0].Id},InProgress,30,\n{accepted[1].Id},{status},40,\n";
        var before = await FingerprintAsync();
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new(culture);
        try
        {
            var preview = await ImportAsync(Utf8(csv, bom: false), apply: false);

            var refused = Assert.Single(preview.Rows, r => !r.Accepted);
            Assert.Equal(3, refused.Line);
            Assert.Contains(status, refused.Reason);
            Assert.Contains(line, refused.Reason);
            Assert.Contains(offered, refused.Reason);
            Assert.Equal(before, await FingerprintAsync());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_applying_rolls_every_row_back()
    {
        var assigned = await WelfareDutiesAsync(DutyStatus.Assigned);
        // The database refuses the second row's update part-way through the one transaction.
        await _app.ReadAsync(async db =>
        {
            if (!TestDatabase.OnPostgreSql)
                return await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_mid_apply BEFORE INSERT ON DutyUpdates WHEN NEW.Note = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
            await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION fail_mid_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Note\" = 'boom' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;");
            return await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_mid_apply BEFORE INSERT ON \"DutyUpdates\" FOR EACH ROW EXECUTE FUNCTION fail_mid_apply();");
        });
        var csv = $"duty_id,status,percent,note\n{assigned[0].Id},Accepted,0,first\n{assigned[1].Id},Accepted,0,boom\n";
        var before = await FingerprintAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(Utf8(csv, bom: false), apply: true));

        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(DutyStatus.Assigned, await _app.ReadAsync(db => db.Duties.Where(d => d.Id == assigned[0].Id).Select(d => d.Status).SingleAsync()));
    }

    private async Task<int> FlagAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.FlagOverdueDutiesJob>().RunAsync(CancellationToken.None);
        return 0;
    }

    private Task<string> OverdueStateAsync() => _app.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.Duties.OrderBy(d => d.Id).Select(d => d.OverdueSince).ToListAsync()),
        await db.AgencyNotifications.CountAsync()));

    [Fact]
    public async Task The_overdue_job_run_twice_or_at_once_gives_the_same_marks_and_one_notice_per_duty()
    {
        await FlagAsync();
        var once = await OverdueStateAsync();
        var overdue = await _app.ReadAsync(db => db.Duties.CountAsync(d => d.OverdueSince != null));
        Assert.True(overdue > 0);
        Assert.Equal(overdue, await _app.ReadAsync(db => db.AgencyNotifications.CountAsync(n => n.Kind == NotificationKind.DutyOverdue)));

        await FlagAsync();
        Assert.Equal(once, await OverdueStateAsync());

        _app.Clock.Advance(TimeSpan.FromDays(60)); // more duties fall due: two runs at once still notify each once
        await Task.WhenAll(FlagAsync(), FlagAsync());
        var late = await _app.ReadAsync(db => db.Duties.CountAsync(d => d.OverdueSince != null));
        Assert.Equal(late, await _app.ReadAsync(db => db.AgencyNotifications.CountAsync(n => n.Kind == NotificationKind.DutyOverdue))); // the demo's disputed duty has a notice of its own
        Assert.True(late > overdue);
    }

    [Fact]
    public async Task A_manager_reads_only_their_agencys_overdue_notices_newest_first()
    {
        await FlagAsync();
        _app.Clock.Advance(TimeSpan.FromDays(60));
        await FlagAsync();

        var notices = await _app.SendAsync<IReadOnlyList<AgencyNotice>>(await _app.PrincipalOfAsync("agency.qom.welfare"), new GetAgencyNotifications());
        var welfareDuties = await _app.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == WelfareDuties.Agency).Select(d => d.Id).ToListAsync());

        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Contains(n.DutyId, welfareDuties));
        Assert.Equal(notices.OrderByDescending(n => n.At).Select(n => n.At), notices.Select(n => n.At));
        Assert.True(notices[0].At > notices[^1].At, "the two runs, 60 days apart, both show");
    }

    [Fact]
    public async Task A_person_cannot_run_the_overdue_command() =>
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync<int>(await _app.PrincipalOfAsync("admin"), new FlagOverdueDuties()));
}
