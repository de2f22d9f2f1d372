using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.ChooseMyLanguage;

/// <summary>A resident chooses the language their text messages are written in (Persian or English).</summary>
[AllowedRoles(Role.Resident)]
public sealed record ChooseMyLanguage(string Language) : ICommand, ICallerScoped;

public sealed class ChooseMyLanguageValidator : AbstractValidator<ChooseMyLanguage>
{
    public ChooseMyLanguageValidator() =>
        RuleFor(c => c.Language).Must(language => Languages.All.Contains(language)).WithMessage(_ => Text.Get("Messages.LanguageInvalid"));
}

public sealed class ChooseMyLanguageHandler(ISalamDbContext db, ICurrentUser user) : ICommandHandler<ChooseMyLanguage>
{
    public async ValueTask<Unit> Handle(ChooseMyLanguage command, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == user.ResidentId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        resident.ChooseLanguage(command.Language);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
