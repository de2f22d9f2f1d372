namespace Salam.Application.Common.Interfaces;

/// <summary>Sends a text message to a mobile number. Production plugs in an SMS gateway; development logs it.</summary>
public interface ISmsSender
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}
