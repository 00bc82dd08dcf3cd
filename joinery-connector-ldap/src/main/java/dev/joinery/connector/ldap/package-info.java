package dev.joinery.connector.ldap;
