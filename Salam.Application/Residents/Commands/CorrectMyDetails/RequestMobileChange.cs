using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Residents.Common;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.CorrectMyDetails;

/// <summary>A resident asks to move to a new mobile: a code is texted to the new number; the old one works until it is entered.</summary>
[AllowedRoles(Role.Resident)]
public sealed record RequestMobileChange(string NewMobile) : ICommand, ICallerScoped;

public sealed class RequestMobileChangeValidator : AbstractValidator<RequestMobileChange>
{
    public RequestMobileChangeValidator() => RuleFor(c => c.NewMobile).ValidMobile();
}

public sealed class RequestMobileChangeHandler(ISalamDbContext db, ICurrentUser user, IMobileVerification verification) : ICommandHandler<RequestMobileChange>
{
    public async ValueTask<Unit> Handle(RequestMobileChange command, CancellationToken cancellationToken)
    {
        var mobile = MobileNumber.Parse(command.NewMobile);
        await MobileChange.EnsureFreeAsync(db, user, mobile, cancellationToken);
        if (!await verification.SendCodeAsync(mobile, "Residents.MobileChangeSms", cancellationToken))
            throw new RequestRefusedException(Text.Get("SignIn.TooManyRequests"));
        return Unit.Value;
    }
}

internal static class MobileChange
{
    /// <summary>The new number must differ from the current one and belong to no other resident.</summary>
    public static async Task EnsureFreeAsync(ISalamDbContext db, ICurrentUser user, MobileNumber mobile, CancellationToken cancellationToken)
    {
        var current = await db.Residents.Where(r => r.Id == user.ResidentId).Select(r => r.Mobile).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        if (current == mobile.Value) throw Refuse("Residents.MobileUnchanged");
        if (await db.Residents.AnyAsync(r => r.Mobile == mobile.Value && r.Id != user.ResidentId, cancellationToken)) throw Refuse("Residents.MobileTaken");
    }

    public static ValidationFailedException Refuse(string key) => new(new Dictionary<string, string[]> { ["NewMobile"] = [Text.Get(key)] });
}
