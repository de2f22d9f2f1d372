using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Volunteers.Common;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Commands.ReviseVolunteerOffer;

/// <summary>A volunteer edits their own offer; which offer is theirs comes from who they are, not from the form.</summary>
[AllowedRoles(Role.Resident)]
public sealed record ReviseVolunteerOffer(VolunteerSkill Skills, int HoursPerWeek, Weekdays Days, string? Note) : ICommand, IVolunteerOffer, ICallerScoped;

public sealed class ReviseVolunteerOfferValidator : VolunteerOfferValidator<ReviseVolunteerOffer>;

public sealed class ReviseVolunteerOfferHandler(ISalamDbContext db, ICurrentUser user) : ICommandHandler<ReviseVolunteerOffer>
{
    public async ValueTask<Unit> Handle(ReviseVolunteerOffer command, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new ForbiddenException(Text.Get("Volunteer.ResidentOnly"));
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.ResidentId == residentId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("Volunteer.NotSignedUp"));
        volunteer.Revise(command.Skills, command.HoursPerWeek, command.Days, command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
