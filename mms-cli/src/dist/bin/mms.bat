@echo off
rem mms: decode, validate and encode MMS PDUs and MM4 messages (run "mms --help").
rem Runs the java of JAVA_HOME, else the first java on the PATH (Java 17 or later); JAVA_OPTS goes
rem to the JVM (e.g. set JAVA_OPTS=-Xmx2g).
setlocal
set "MMS_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
rem C1 only and the serial collector: see bin/mms. JAVA_OPTS comes after them and wins; a
rem collector named there replaces this one.
set "MMS_JVM_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
echo %JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC" >nul && set "MMS_JVM_OPTS=-XX:TieredStopAtLevel=1"
"%JAVA_EXE%" %MMS_JVM_OPTS% %JAVA_OPTS% -cp "%MMS_HOME%\lib\*" org.mmsstack.cli.Main %*
exit /b %ERRORLEVEL%
