using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Notifications.Email;

public static class SmtpEmailGatewayRegistration
{
    /// <summary>Registers the SMTP (MailKit) gateway as IEmailGateway from Notifications:Email:Smtp (Host, Port, UseTls, User, Password, From).</summary>
    public static IServiceCollection AddSmtpEmailGateway(this IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<SmtpOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsCheck>();
        services.AddSingleton<IEmailGateway, SmtpEmailGateway>();
        return services;
    }
}

internal sealed class SmtpOptionsCheck : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
