using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.ImportResidents;

/// <summary>
/// Bulk registration from a CSV file (full_name, mobile, national_id, neighbourhood_code). With <see cref="Apply"/> false it
/// previews each row as accepted or refused with its reason; with true it registers the accepted rows, confirmed, in one
/// transaction, or none. The file is read with a fixed number of queries, whatever its length.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record ImportResidents(byte[] File, bool Apply) : ICommand<ResidentImportReport>, ICallerScoped;

public sealed record ResidentImportReport(IReadOnlyList<ResidentImportRow> Rows, bool Applied)
{
    public int Accepted => Rows.Count(r => r.Accepted);
    public int Refused => Rows.Count(r => !r.Accepted);
}

public sealed record ResidentImportRow(int Line, string FullName, string Mobile, string NationalId, string NeighbourhoodCode, bool Accepted, string? Reason);

public sealed class ImportResidentsHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock) : ICommandHandler<ImportResidents, ResidentImportReport>
{
    public async ValueTask<ResidentImportReport> Handle(ImportResidents command, CancellationToken cancellationToken)
    {
        var rows = ResidentCsv.Parse(command.File);
        var known = await KnownAsync(rows, cancellationToken);
        var check = new ResidentImportCheck(known, place => scope.Reaches(place));
        var now = clock.GetUtcNow();
        var report = new List<ResidentImportRow>(rows.Count);
        foreach (var row in rows)
        {
            var (verdict, resident) = check.Row(row, now);
            report.Add(verdict);
            if (resident is not null && command.Apply) db.Residents.Add(resident);
        }
        if (!command.Apply || report.All(r => !r.Accepted)) return new ResidentImportReport(report, false);

        try
        {
            await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction, all accepted rows or none
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Someone registered one of these people between this file's check and its save: nothing is kept, preview again.
            db.DiscardChanges();
            throw new RequestRefusedException(Text.Get("Residents.ImportRaced"));
        }
        return new ResidentImportReport(report, true);
    }

    /// <summary>
    /// Three queries for the whole file: its neighbourhoods by code, and who already holds its national ids and mobiles. Each
    /// list goes as one parameter (JSON), not as thousands of them: a file of 10,000 rows would otherwise make a statement per size.
    /// </summary>
    private async Task<KnownFacts> KnownAsync(IReadOnlyList<ResidentCsvRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => Place.NormaliseCode(r.NeighbourhoodCode)).Where(c => c.Length > 0).Distinct().ToList();
        var ids = rows.Select(r => NationalId.TryParse(r.NationalId, out var id) ? id.Value : null).OfType<string>().Distinct().ToList();
        var mobiles = rows.Select(r => MobileNumber.TryParse(r.Mobile, out var m) ? m.Value : null).OfType<string>().Distinct().ToList();

        var places = await db.Neighbourhoods.AsNoTracking().Where(n => EF.Parameter(codes).Contains(n.Code))
            .Select(n => new KnownPlace(n.Code, new NeighbourhoodPlace(n.Id, n.CentreId, n.County!.ProvinceId), n.IsActive))
            .ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        var takenIds = await db.Residents.AsNoTracking().Where(r => r.NationalId != null && EF.Parameter(ids).Contains(r.NationalId)).Select(r => r.NationalId!).ToListAsync(cancellationToken);
        var takenMobiles = await db.Residents.AsNoTracking().Where(r => EF.Parameter(mobiles).Contains(r.Mobile)).Select(r => r.Mobile).ToListAsync(cancellationToken);
        return new KnownFacts(places, takenIds.ToHashSet(StringComparer.Ordinal), takenMobiles.ToHashSet(StringComparer.Ordinal));
    }
}

public sealed record KnownPlace(string Code, NeighbourhoodPlace Place, bool IsActive);

public sealed record KnownFacts(IReadOnlyDictionary<string, KnownPlace> Places, IReadOnlySet<string> TakenNationalIds, IReadOnlySet<string> TakenMobiles);
