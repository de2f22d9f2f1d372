using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;

namespace Salam.Application.Geography.Commands.RenamePlace;

/// <summary>The administrator renames one place; its code, and so what an import matches, stays.</summary>
[AllowedRoles(Role.Admin)]
public sealed record RenamePlace(PlaceLevel Level, int Id, string NameFa, string? NameEn) : ICommand, INationalScoped, IPlaceNames;

public sealed class RenamePlaceValidator : PlaceNamesValidator<RenamePlace>;

public sealed class RenamePlaceHandler(ISalamDbContext db) : ICommandHandler<RenamePlace>
{
    public async ValueTask<Unit> Handle(RenamePlace command, CancellationToken cancellationToken)
    {
        var place = await Places.FindAsync(db, command.Level, command.Id, cancellationToken);
        var (nameFa, nameEn) = Places.Names(command);
        place.Rename(nameFa, nameEn);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
