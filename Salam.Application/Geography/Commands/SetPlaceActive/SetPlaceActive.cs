using FluentValidation;
using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;

namespace Salam.Application.Geography.Commands.SetPlaceActive;

/// <summary>
/// The administrator takes a place out of new work, or brings it back. Its history stays: rounds, duties, residents and
/// roll-ups remain readable. A county or province taken out takes its neighbourhoods with it (<see cref="PlaceService"/>).
/// </summary>
[AllowedRoles(Role.Admin)]
public sealed record SetPlaceActive(PlaceLevel Level, int Id, bool Active) : ICommand, INationalScoped;

public sealed class SetPlaceActiveValidator : AbstractValidator<SetPlaceActive>
{
    public SetPlaceActiveValidator() => RuleFor(c => c.Level).IsInEnum().WithMessage(_ => Text.Get("Geography.UnknownLevel"));
}

public sealed class SetPlaceActiveHandler(ISalamDbContext db) : ICommandHandler<SetPlaceActive>
{
    public async ValueTask<Unit> Handle(SetPlaceActive command, CancellationToken cancellationToken)
    {
        var place = await Places.FindAsync(db, command.Level, command.Id, cancellationToken);
        if (command.Active) place.Reactivate();
        else place.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
