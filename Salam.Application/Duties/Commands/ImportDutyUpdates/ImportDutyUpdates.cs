using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Notifications.Residents;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Duties.Commands.ImportDutyUpdates;

/// <summary>
/// An agency manager's bulk update from a CSV file. With <see cref="Apply"/> false it only previews each row as accepted
/// or refused with its reason; with true it applies the accepted rows, all in one transaction, or none.
/// </summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record ImportDutyUpdates(byte[] File, bool Apply) : ICommand<ImportReport>, ICallerScoped;

public sealed record ImportReport(IReadOnlyList<ImportRow> Rows, bool Applied)
{
    public int Accepted => Rows.Count(r => r.Accepted);
    public int Refused => Rows.Count(r => !r.Accepted);
}

public sealed record ImportRow(int Line, string DutyId, string Title, string Status, string Percent, string? Note, bool Accepted, string? Reason);

public sealed class ImportDutyUpdatesHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ImportDutyUpdates, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportDutyUpdates command, CancellationToken cancellationToken)
    {
        var rows = DutyCsv.Parse(command.File);
        var ids = rows.Select(r => int.TryParse(Digits.ToLatin(r.DutyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).ToHashSet();
        // Only this agency's duties are looked up: another agency's id reads exactly like an unknown one.
        var duties = await db.Duties.Where(d => ids.Contains(d.Id) && d.AgencyId == user.AgencyId).ToDictionaryAsync(d => d.Id, cancellationToken);

        var now = clock.GetUtcNow();
        var before = duties.ToDictionary(d => d.Key, d => d.Value.Status);
        var report = rows.Select(row => Check(row, duties, now)).ToList();
        if (!command.Apply || report.All(r => !r.Accepted)) return new ImportReport(report, false);

        // One text per duty for the whole file: where it stands after its last row.
        foreach (var duty in duties.Values) await db.QueueDutyChangedAsync(duty, before[duty.Id], now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction, all accepted rows or none
        return new ImportReport(report, true);
    }

    /// <summary>Applies the row to the tracked duty (rows apply in file order, so a later row sees an earlier one's change).</summary>
    private ImportRow Check(DutyCsvRow row, IReadOnlyDictionary<int, Duty> duties, DateTimeOffset now)
    {
        ImportRow Refused(string reason) => new(row.Line, row.DutyId, "", row.Status, row.Percent, row.Note, false, reason);

        if (!int.TryParse(Digits.ToLatin(row.DutyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !duties.TryGetValue(id, out var duty))
            return Refused(Text.Get("Import.UnknownDuty"));
        if (!DutyStatusNames.TryParse(row.Status, out var status))
            return Refused(Text.Get("Import.UnknownStatus", row.Status, row.Line, DutyStatusNames.Offered()));
        if (!int.TryParse(Digits.ToLatin(row.Percent).TrimEnd('%', '٪'), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            return Refused(Text.Get("Duty.PercentOutOfRange"));
        try
        {
            duty.Advance(status, percent, row.Note, user.UserId ?? 0, now);
            return new ImportRow(row.Line, row.DutyId, duty.Title, row.Status, row.Percent, row.Note, true, null);
        }
        catch (DomainException broken)
        {
            return Refused(Text.Of(broken));
        }
    }
}
