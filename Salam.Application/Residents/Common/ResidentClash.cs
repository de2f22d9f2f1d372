using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Residents.Common;

/// <summary>
/// A resident is unique by national id and by mobile. The clash is looked up before writing (to name which one is taken) and
/// again after the unique index refused a save that raced another registration, so both paths give the same clear message.
/// </summary>
public static class ResidentClash
{
    /// <summary>The message key of the first clash ("Resident.NationalIdTaken" or "Resident.AlreadyRegistered"), or null.</summary>
    public static async Task<string?> FindAsync(ISalamDbContext db, MobileNumber mobile, NationalId? nationalId, int? exceptResidentId, CancellationToken cancellationToken)
    {
        // One query, so one snapshot: two lookups could miss a racing registration's national id and then see its mobile.
        var id = nationalId?.Value;
        var clashes = await db.Residents.AsNoTracking()
            .Where(r => r.Id != exceptResidentId && ((id != null && r.NationalId == id) || r.Mobile == mobile.Value))
            .Select(r => id != null && r.NationalId == id)
            .ToListAsync(cancellationToken);
        if (clashes.Count == 0) return null;
        return clashes.Contains(true) ? "Resident.NationalIdTaken" : "Resident.AlreadyRegistered";
    }

    public static async Task EnsureNoneAsync(ISalamDbContext db, MobileNumber mobile, NationalId? nationalId, int? exceptResidentId, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, mobile, nationalId, exceptResidentId, cancellationToken) is { } key) throw Refusal(key);
    }

    /// <summary>Saves; when the unique index refuses (another registration won the race) answers with what is now taken.</summary>
    public static async Task SaveAsync(ISalamDbContext db, MobileNumber mobile, NationalId? nationalId, int? exceptResidentId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            throw Refusal(await FindAsync(db, mobile, nationalId, exceptResidentId, cancellationToken) ?? "Resident.AlreadyRegistered");
        }
    }

    public static RequestRefusedException Refusal(string key) => new ValidationFailedException(new Dictionary<string, string[]>
    {
        [key == "Resident.NationalIdTaken" ? "NationalId" : "Mobile"] = [Text.Get(key)],
    });
}
