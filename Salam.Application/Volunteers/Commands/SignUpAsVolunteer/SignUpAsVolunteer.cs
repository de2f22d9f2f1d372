using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Volunteers.Common;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Commands.SignUpAsVolunteer;

/// <summary>A resident signs up to volunteer in their own neighbourhood (the neighbourhood comes from their record, never the form).</summary>
[AllowedRoles(Role.Resident)]
public sealed record SignUpAsVolunteer(VolunteerSkill Skills, int HoursPerWeek, Weekdays Days, string? Note) : ICommand<int>, IVolunteerOffer, ICallerScoped;

public sealed class SignUpAsVolunteerValidator : VolunteerOfferValidator<SignUpAsVolunteer>;

public sealed class SignUpAsVolunteerHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignUpAsVolunteer, int>
{
    public async ValueTask<int> Handle(SignUpAsVolunteer command, CancellationToken cancellationToken)
    {
        var (residentId, userId) = (user.ResidentId, user.UserId) is (int r, int u) ? (r, u) : throw new ForbiddenException(Text.Get("Volunteer.ResidentOnly"));
        var neighbourhoodId = await db.Residents.Where(r => r.Id == residentId).Select(r => (int?)r.NeighbourhoodId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var now = clock.GetUtcNow();

        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.ResidentId == residentId, cancellationToken);
        if (volunteer is null)
        {
            volunteer = new Volunteer(residentId, neighbourhoodId, command.Skills, command.HoursPerWeek, command.Days, command.Note, userId, now);
            db.Volunteers.Add(volunteer);
        }
        else
        {
            volunteer.Rejoin(command.Skills, command.HoursPerWeek, command.Days, command.Note, userId, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups at once (a double click): the unique index kept one; this one is the duplicate.
            if (await db.Volunteers.AsNoTracking().AnyAsync(v => v.ResidentId == residentId, cancellationToken)) throw new DomainException("Volunteer.AlreadySignedUp");
            throw;
        }
        return volunteer.Id;
    }
}
