using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;

namespace Salam.Application.Geography.Common;

/// <summary>What a single-place form sends: its names. The English name may be left empty (it is then the Persian one).</summary>
public interface IPlaceNames
{
    PlaceLevel Level { get; }
    string NameFa { get; }
    string? NameEn { get; }
}

/// <summary>The same limits the import applies to a row, so a place is valid however it came in.</summary>
public abstract class PlaceNamesValidator<T> : AbstractValidator<T> where T : IPlaceNames
{
    protected PlaceNamesValidator()
    {
        RuleFor(c => c.Level).IsInEnum().WithMessage(_ => Text.Get("Geography.UnknownLevel"));
        RuleFor(c => c.NameFa).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Text.Get("Geography.NameRequired"))
            .Must(name => (name?.Trim().Length ?? 0) <= Place.NameMaxLength).WithMessage(_ => Text.Get("Geography.NameTooLong", Place.NameMaxLength));
        RuleFor(c => c.NameEn).Must(name => (name?.Trim().Length ?? 0) <= Place.NameMaxLength).WithMessage(_ => Text.Get("Geography.NameTooLong", Place.NameMaxLength));
    }
}

internal static class Places
{
    public static (string Fa, string En) Names(IPlaceNames names) =>
        (names.NameFa.Trim(), string.IsNullOrWhiteSpace(names.NameEn) ? names.NameFa.Trim() : names.NameEn.Trim());

    /// <summary>The tracked place of a level by id, or a translated not-found.</summary>
    public static async Task<IPlace> FindAsync(ISalamDbContext db, PlaceLevel level, int id, CancellationToken cancellationToken) => level switch
    {
        PlaceLevel.Province => await db.Provinces.SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
        PlaceLevel.County => await db.Counties.SingleOrDefaultAsync(c => c.Id == id, cancellationToken),
        _ => (IPlace?)await db.Neighbourhoods.SingleOrDefaultAsync(n => n.Id == id, cancellationToken),
    } ?? throw new NotFoundException(Text.Get("NotFound.Place"));
}
