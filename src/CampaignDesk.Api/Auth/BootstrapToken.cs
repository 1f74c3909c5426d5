using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// The first admin's token, kept only as a SHA-256 hash. Taken from <c>Auth:BootstrapAdminToken</c>, or read from
/// (and on first start generated into) the admin token file, so a fresh install is never open to anyone.
/// </summary>
public sealed class BootstrapToken
{
    public const string Prefix = "cd_";

    private readonly byte[]? _hash;

    public BootstrapToken(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<BootstrapToken> logger)
    {
        var configured = options.Value.BootstrapAdminToken;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _hash = Hash(configured.Trim());
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Value.AdminTokenFile))
        {
            return;
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AdminTokenFile));
        try
        {
            _hash = Hash(ReadOrCreate(path, logger));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The admin token file '{path}' cannot be read or written ({ex.Message.TrimEnd('.')}). " +
                "Set Auth:BootstrapAdminToken, or point Auth:AdminTokenFile at a writable place.", ex);
        }
    }

    public bool Matches(string presented) =>
        _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, Hash(presented));

    private static string ReadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(path, Encoding.ASCII, fileOptions))
            {
                writer.Write(token);
            }

            logger.LogWarning("No Auth:BootstrapAdminToken is set: an admin token was generated into {Path} (owner-only)", path);
        }

        return File.ReadAllText(path).Trim();
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
