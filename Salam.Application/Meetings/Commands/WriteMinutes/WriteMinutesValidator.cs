using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Meetings;

namespace Salam.Application.Meetings.Commands.WriteMinutes;

public sealed class WriteMinutesValidator : AbstractValidator<WriteMinutes>
{
    public WriteMinutesValidator()
    {
        RuleFor(c => c.Minutes).Must(m => (m ?? "").Length <= Meeting.MaxMinutesLength)
            .WithMessage(_ => Text.Get("Meeting.MinutesTooLong", Meeting.MaxMinutesLength));
    }
}
