using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Salam.Infrastructure.Notifications.Email;

public static class SmtpEmailGatewayRegistration
{
    /// <summary>Registers the SMTP (MailKit) gateway as IEmailGateway from Notifications:Email:Smtp (Host, Port, UseTls, User, Password, From).</summary>
    // Contract stub for issue 18: the providers helper implements it.
    public static IServiceCollection AddSmtpEmailGateway(this IServiceCollection services, IConfigurationSection section) =>
        throw new NotImplementedException("issue 18: SMTP e-mail gateway");
}
