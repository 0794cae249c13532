using System.Security.Cryptography.X509Certificates;
using Epic16.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Epic16.Domain.Security;

/// <summary>
/// Sign-in cookies and anti-forgery tokens are protected with keys kept in PostgreSQL (`data_protection_keys`), so every
/// instance accepts the others' cookies and a restart signs nobody out. With `DataProtection:CertificatePath` (a PFX,
/// password in `DataProtection:CertificatePassword`) the key XML is encrypted with that certificate before it is stored.
/// </summary>
public static class SharedDataProtection
{
    public const string ApplicationName = "Epic16.Dashboard";
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PlatformContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{CertificatePathKey} ({path}) has no private key: the sign-in keys could not be read back.");
            }

            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>True when stored keys are encrypted at rest (a certificate is configured).</summary>
    public static bool KeysProtectedAtRest(IConfiguration configuration) => configuration[CertificatePathKey] is { Length: > 0 };
}
